import { defineStore } from 'pinia'
import { toRaw, watch } from 'vue'
import { APP_STATE_SCHEMA_VERSION, type AppState } from '../../../shared/model/appState'
import { DRAFT_MIN_BYTES, type DraftRef } from '../../../shared/model/draftRef'
import type { RequestSpec } from '../../../shared/model/request'
import { useApi } from '../api/currentApi'
import { digestInBackground } from './draftDigest'
import { useAppStore } from './useAppStore'
import { useRequestTabsStore, type RequestTab } from './useRequestTabsStore'
import { hasCallErrorCode } from '../../../shared/ipc/callError'

/** How long edits settle before the open tabs are written (one write per pause in typing). */
const SAVE_DELAY_MS = 400

/**
 * A plain copy of JSON data that shares its strings. The tabs store's toState() copies
 * through JSON, which for a 50 MB body is ~250 ms of UI thread per save.
 */
function plainData<T>(value: T): T {
  const raw = toRaw(value)
  if (Array.isArray(raw)) return raw.map(plainData) as T
  if (raw === null || typeof raw !== 'object') return raw
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(raw)) copy[key] = plainData(item)
  return copy as T
}

/** A body big enough that the Node side surely keeps it as a draft file (see model/draftRef.ts). */
function bigText(tab: RequestTab): string | null {
  const body = tab.spec.body
  const text = body.type === 'json' || body.type === 'raw' ? body.text : ''
  // Characters, not bytes: every character is at least one UTF-8 byte.
  return text.length > DRAFT_MIN_BYTES ? text : null
}

/** Keeps the open tabs, with their unsaved edits, across reloads and restarts. */
export const useAppStateStore = defineStore('appState', () => {
  const tabs = useRequestTabsStore()
  let timer: ReturnType<typeof setTimeout> | undefined
  /**
   * Per tab, the big body the Node side has on disk and its hash: while the body stays
   * that very string, a save sends the reference instead of serialising 50 MB again
   * (~200 ms of UI thread each time a URL or another tab changes).
   */
  const onDisk = new Map<string, { text: string; hash: string }>()
  /** The latest big body being hashed per tab, so an older hash finishing late is dropped. */
  const hashing = new Map<string, string>()

  function remember(tabId: string, text: string) {
    if (onDisk.get(tabId)?.text === text || hashing.get(tabId) === text) return
    hashing.set(tabId, text)
    void digestInBackground(text).then((hash) => {
      if (hashing.get(tabId) !== text) return
      hashing.delete(tabId)
      if (hash) onDisk.set(tabId, { text, hash })
    })
  }

  /** The open tabs as state:save takes them (what the tabs store's toState() gives). */
  function stateToSave(useRefs: boolean) {
    /** Per tab: its id and big body, to pair with the draft hashes the save answers. */
    const sentBodies: [string, string | null][] = []
    let usedRefs = false
    const state: AppState = {
      schemaVersion: APP_STATE_SCHEMA_VERSION,
      tabs: tabs.tabs.map((tab) => {
        const spec = plainData(tab.spec)
        const text = bigText(tab)
        const known = onDisk.get(tab.id)
        sentBodies.push([tab.id, text])
        let bodyDraft: DraftRef | undefined
        if (text !== null && (spec.body.type === 'json' || spec.body.type === 'raw')) {
          if (useRefs && known?.text === text) {
            spec.body.text = ''
            bodyDraft = { sha256: known.hash }
            usedRefs = true
          }
        }
        const saved = tab.saved ? { ...tab.saved } : null
        const variables = plainData(tab.variables)
        return { spec, variables, saved, baseline: tab.baseline, bodyDraft }
      }),
      active: Math.max(
        0,
        tabs.tabs.findIndex((t) => t.id === tabs.activeId),
      ),
    }
    return { state, sentBodies, usedRefs }
  }

  async function save(useRefs = true): Promise<void> {
    timer = undefined
    const { state, sentBodies, usedRefs } = stateToSave(useRefs)
    let drafts: (string | null)[]
    try {
      ;({ drafts } = await useApi().state.save(state))
    } catch (error) {
      // A draft referred to may be gone (its folder cleaned, another window's save):
      // once more with every body whole.
      onDisk.clear()
      if (usedRefs && hasCallErrorCode(error, 'DRAFT_GONE')) await save(false)
      return
    }
    // The Node side named the draft file of each big body: later saves and sends refer to it.
    sentBodies.forEach(([id, text], i) => {
      const hash = drafts[i]
      if (text !== null && hash) onDisk.set(id, { text, hash })
    })
    for (const id of onDisk.keys()) if (!tabs.tabs.some((t) => t.id === id)) onDisk.delete(id)
  }

  /**
   * The draft file to name instead of sending a tab's big body, when that file holds this
   * very text, so 50 MB is not serialised again for the bridge (that copy could start a
   * ~100 ms garbage collection on the UI thread). The Node side reads the draft back (see
   * courierService's http:send). Undefined when the body must go whole.
   */
  function draftOf(tabId: string, spec: RequestSpec): DraftRef | undefined {
    const known = onDisk.get(tabId)
    const { body } = spec
    if (!known || !(body.type === 'json' || body.type === 'raw') || body.text !== known.text)
      return undefined
    return { sha256: known.hash }
  }

  /**
   * Reopens last run's tabs (a fresh empty tab when there were none), then keeps saving them.
   * `saved`: the saved tabs when start-up already asked for them (firstScreen.ts).
   */
  async function restoreAndKeep(saved = useApi().state.get({})) {
    const state = await saved.catch(() => null)
    if (state && state.tabs.length > 0) {
      tabs.restore(state)
      // Their big bodies came from draft files: the next save can refer to them.
      for (const tab of tabs.tabs) {
        const text = bigText(tab)
        if (text !== null) remember(tab.id, text)
      }
      // Restoring may have left a notice (a draft file lost): show it now, not next start;
      // asked for again (the first screen's app info may predate it) without holding up the
      // first screen for the round trip: the notice appears when it comes.
      void useAppStore()
        .load()
        .catch(() => undefined)
    }
    if (tabs.tabs.length === 0) tabs.open()
    // Watch the tabs themselves (deep, cheap: strings are leaves) and serialise only once the
    // edits settle, so typing in a big body does not copy it on every keystroke.
    watch(
      [() => tabs.tabs, () => tabs.activeId],
      () => {
        clearTimeout(timer)
        timer = setTimeout(() => void save(), SAVE_DELAY_MS)
      },
      { deep: true },
    )
    // Closing or reloading within the settle delay must not drop the last edits.
    window.addEventListener('pagehide', () => {
      if (timer === undefined) return
      clearTimeout(timer)
      void save()
    })
  }

  return { restoreAndKeep, draftOf }
})
