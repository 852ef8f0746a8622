import { defineStore } from 'pinia'
import { watch } from 'vue'
import { useApi } from '../api/currentApi'
import { useRequestTabsStore } from './useRequestTabsStore'

/** How long edits settle before the open tabs are written (one write per pause in typing). */
const SAVE_DELAY_MS = 400

/** Keeps the open tabs, with their unsaved edits, across reloads and restarts. */
export const useAppStateStore = defineStore('appState', () => {
  const tabs = useRequestTabsStore()
  let timer: ReturnType<typeof setTimeout> | undefined

  function save() {
    timer = undefined
    void useApi()
      .state.save(tabs.toState())
      .catch(() => undefined)
  }

  /** Reopens last run's tabs (a fresh empty tab when there were none), then keeps saving them. */
  async function restoreAndKeep() {
    const state = await useApi()
      .state.get({})
      .catch(() => null)
    if (state && state.tabs.length > 0) tabs.restore(state)
    if (tabs.tabs.length === 0) tabs.open()
    // Watch the tabs themselves (deep, cheap: strings are leaves) and serialise only once the
    // edits settle, so typing in a big body does not copy it on every keystroke.
    watch(
      [() => tabs.tabs, () => tabs.activeId],
      () => {
        clearTimeout(timer)
        timer = setTimeout(save, SAVE_DELAY_MS)
      },
      { deep: true },
    )
    // Closing or reloading within the settle delay must not drop the last edits.
    window.addEventListener('pagehide', () => {
      if (timer === undefined) return
      clearTimeout(timer)
      save()
    })
  }

  return { restoreAndKeep }
})
