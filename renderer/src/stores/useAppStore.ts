import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/ipc'
import { useApi } from '../api/currentApi'

/** What the shell tells about itself (version, data folder, dialogs) and its start-up notices. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)

  /** Reads what the shell tells, or takes it from a call already made (start-up). */
  async function load(answer = useApi().app.info({})) {
    info.value = await answer
  }

  /** A native file dialog where the shell has one; null when cancelled or unavailable. */
  async function pickFile(title: string) {
    if (!info.value?.canPickFiles) return null
    return useApi().dialog.pickFile({ title })
  }

  /** A native folder dialog where the shell has one; null when cancelled or unavailable. */
  async function pickFolder(title: string) {
    if (!info.value?.canPickFiles) return null
    return useApi().dialog.pickFolder({ title })
  }

  function dismissNotice(index: number) {
    info.value?.notices.splice(index, 1)
  }

  return { info, load, pickFile, pickFolder, dismissNotice }
})
