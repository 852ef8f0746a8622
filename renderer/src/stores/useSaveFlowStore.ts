import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useExchangeStore } from './useExchangeStore'
import { useRequestTabsStore, type RequestTab } from './useRequestTabsStore'
import { useWorkspaceStore } from './useWorkspaceStore'

/**
 * Saving and closing without losing work: a first save asks for a name and folder, and
 * closing a tab with unsaved changes asks first. WorkbenchSaveFlow shows the questions.
 */
export const useSaveFlowStore = defineStore('saveFlow', () => {
  const tabs = useRequestTabsStore()
  const workspace = useWorkspaceStore()
  const exchange = useExchangeStore()
  /** The tab waiting for a name (first save), and whether it closes once saved. */
  const naming = ref<{ tab: RequestTab; thenClose: boolean } | null>(null)
  const confirmingClose = ref<RequestTab | null>(null)

  /** Saves a tab in place, or asks where when it was never saved. */
  async function save(tab: RequestTab, thenClose = false) {
    if (tab.saved?.workspace !== workspace.snapshot?.dir) {
      naming.value = { tab, thenClose }
      return
    }
    if ((await workspace.saveTab(tab.id)) && thenClose) closeNow(tab)
  }

  async function saveAs(target: { name: string; folder: string }) {
    const pending = naming.value
    naming.value = null
    if (!pending) return
    if ((await workspace.saveTab(pending.tab.id, target)) && pending.thenClose)
      closeNow(pending.tab)
  }

  function closeNow(tab: RequestTab) {
    exchange.forget(tab.id)
    tabs.close(tab.id)
  }

  /** Closes at once unless there is something to lose. */
  function requestClose(tab: RequestTab) {
    if (tabs.isDirty(tab)) confirmingClose.value = tab
    else closeNow(tab)
  }

  function answerClose(answer: 'save' | 'discard' | 'cancel') {
    const tab = confirmingClose.value
    confirmingClose.value = null
    if (!tab || answer === 'cancel') return
    if (answer === 'save') void save(tab, true)
    else closeNow(tab)
  }

  return { naming, confirmingClose, save, saveAs, requestClose, answerClose, closeNow }
})
