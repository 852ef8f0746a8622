import { ref } from 'vue'
import type { SettingsPatch } from '../../../shared/model/settings'
import { useSettingsStore } from '../stores/useSettingsStore'

/**
 * Save for a settings dialog (Proxy, TLS): writes the patch, then closes, or keeps the
 * dialog open with the host's reason in `error` so nothing typed is lost.
 */
export function useSettingsSave(close: () => void) {
  const settingsStore = useSettingsStore()
  const error = ref<string | null>(null)
  async function saveSettings(patch: SettingsPatch): Promise<void> {
    await settingsStore.update(patch)
    if (settingsStore.saveError) {
      error.value = settingsStore.saveError
      return
    }
    close()
  }
  return { error, saveSettings }
}
