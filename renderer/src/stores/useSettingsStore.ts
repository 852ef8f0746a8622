import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Settings, SettingsPatch } from '../../../shared/model/settings'
import { defaultSettings } from '../../../shared/model/settingsDefaults'
import { useApi } from '../api/currentApi'

function withoutPassword(patch: SettingsPatch['proxy']) {
  const { password: _password, ...rest } = patch ?? {}
  return rest
}

/** The TLS update as the page may hold it: passphrases only as "has one". */
function withoutPassphrases(patch: SettingsPatch['tls'], previous: Settings['tls']) {
  const { clientCerts, ...rest } = patch ?? {}
  if (!clientCerts) return rest
  return {
    ...rest,
    clientCerts: clientCerts.map(({ passphrase, ...cert }) => ({
      ...cert,
      hasPassphrase:
        passphrase !== undefined
          ? passphrase !== ''
          : (previous.clientCerts.find((c) => c.id === cert.id)?.hasPassphrase ?? false),
    })),
  }
}

/** The saved settings (theme, layout, request defaults), loaded once and updated through the api. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(defaultSettings())
  /** Why the last save failed, shown to the user; null when all is saved. */
  const saveError = ref<string | null>(null)

  /** Reads the settings, or takes them from a call already made (start-up, firstScreen.ts). */
  async function load(answer = useApi().settings.get({})) {
    settings.value = await answer
  }

  async function update(patch: SettingsPatch) {
    // Apply at once so the UI answers immediately; the saved copy comes back from the host.
    const previous = settings.value
    settings.value = {
      ...previous,
      ...patch,
      requestDefaults: { ...previous.requestDefaults, ...patch.requestDefaults },
      scriptLimits: { ...previous.scriptLimits, ...patch.scriptLimits },
      history: { ...previous.history, ...patch.history },
      // The password goes to the host only, never into the page's state.
      proxy: { ...previous.proxy, ...withoutPassword(patch.proxy) },
      // Certificate passphrases likewise.
      tls: { ...previous.tls, ...withoutPassphrases(patch.tls, previous.tls) },
    } as Settings
    try {
      settings.value = await useApi().settings.update(patch)
      saveError.value = null
    } catch (error) {
      saveError.value = `Settings could not be saved: ${(error as Error).message}`
    }
  }

  return { settings, saveError, load, update }
})
