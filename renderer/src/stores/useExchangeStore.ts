import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { z } from 'zod'
import type { SendContextSchema } from '../../../shared/model/history'
import type { DraftRef } from '../../../shared/model/draftRef'
import type { RequestSpec } from '../../../shared/model/request'

import type { ScriptLevel, VariableScopes } from '../../../shared/logic/checksInheritance'
import { withoutRepeatedBody } from '../../../shared/logic/sendContextBody'
import { hasCallErrorCode } from '../../../shared/ipc/callError'
import { useApi } from '../api/currentApi'
import type { ExchangeState } from './exchangeState'
import { plainCopy } from './plainCopy'
import { useAppStateStore } from './useAppStateStore'
import { useFileConsentStore } from './useFileConsentStore'

/** Where a send comes from, for its history entry (every field optional). */
export type SendContextInput = z.input<typeof SendContextSchema>

/** For the request's scripts: those of the levels above, and the variables by scope. */
export interface ScriptContext {
  scriptLevels?: ScriptLevel[]
  variableScopes?: VariableScopes
}

/** The spec with its body text left out: the text is sent as a draft reference instead. */
function withoutBodyText(spec: RequestSpec): RequestSpec {
  const { body } = spec
  return 'text' in body ? { ...spec, body: { ...body, text: '' } } : spec
}

const IDLE: ExchangeState = { phase: 'idle' }
let counter = 0

/** Sends requests and keeps, per tab, where its exchange stands. */
export const useExchangeStore = defineStore('exchange', () => {
  const states = ref<Record<string, ExchangeState>>({})
  /** The running request id of each tab, to cancel it and to match progress events. */
  const running = new Map<string, string>()
  /** What each tab sent last, so Retry sends exactly that again. */
  const lastSent = new Map<
    string,
    {
      spec: RequestSpec
      variables: Record<string, string>
      context: SendContextInput
      forScripts: ScriptContext
    }
  >()
  let unsubscribe: (() => void) | null = null

  /** The Node side keeps each response's body until told it is no longer shown. */
  function releaseBody(tabId: string) {
    const state = states.value[tabId]
    const bodyId = state?.phase === 'done' ? state.response.bodyId : null
    if (bodyId)
      void useApi()
        .body.release({ bodyId })
        .catch(() => undefined)
  }

  function stateOf(tabId: string): ExchangeState {
    return states.value[tabId] ?? IDLE
  }

  function listenForProgress() {
    if (unsubscribe) return
    unsubscribe = useApi().on('http:progress', ({ requestId, receivedBytes }) => {
      for (const [tabId, id] of running) {
        const state = states.value[tabId]
        if (id === requestId && state?.phase === 'running') state.receivedBytes = receivedBytes
      }
    })
  }

  async function send(
    tabId: string,
    spec: RequestSpec,
    variables: Record<string, string> = {},
    context: SendContextInput = {},
    /** What the request's scripts need beyond the spec (see SendArgs). */
    forScripts: ScriptContext = {},
  ) {
    if (running.has(tabId)) return
    listenForProgress()
    const requestId = `${tabId}-${++counter}`
    running.set(tabId, requestId)
    releaseBody(tabId)
    states.value[tabId] = { phase: 'running', startedAt: performance.now(), receivedBytes: 0 }
    try {
      // A plain copy: the draft is a reactive proxy, which no transport can clone, and
      // edits made while the request runs must not change what was sent.
      const sent = plainCopy(spec)
      const plainContext = plainCopy(context)
      const scripts = plainCopy(forScripts)
      lastSent.set(tabId, {
        spec: sent,
        variables: { ...variables },
        context: plainContext,
        forScripts: scripts,
      })
      /** Files the user allowed for this send only ("Upload once"). */
      const allowFilesOnce: string[] = []
      const call = (bodyDraft?: DraftRef) =>
        useApi().http.send({
          requestId,
          spec: bodyDraft ? withoutBodyText(sent) : sent,
          variables,
          ...withoutRepeatedBody(sent, plainContext),
          bodyDraft,
          ...scripts,
          allowFilesOnce,
        })
      // A big body goes as a reference to its draft file when there is one; should that
      // file be gone, it goes whole.
      const bodyDraft = useAppStateStore().draftOf(tabId, sent)
      const attempt = () =>
        call(bodyDraft).catch((error: unknown) => {
          if (!bodyDraft || !hasCallErrorCode(error, 'DRAFT_GONE')) throw error
          return call()
        })
      const consent = useFileConsentStore()
      const confirmations = consent.settled()
      if (confirmations) await confirmations
      let result = await attempt()
      // A local file nobody confirmed (an import, a file Courier did not write): ask, then
      // send again. Each answer moves to the next file; Cancel shows the error as it is.
      const workspace = plainContext.workspace ?? null
      while (!result.ok && result.error.code === 'FILE_NOT_CONFIRMED' && result.error.file) {
        const file = result.error.file
        if (allowFilesOnce.includes(file)) break
        const answer = await consent.ask(file, workspace)
        if (answer === 'cancel') break
        if (answer === 'once') allowFilesOnce.push(file)
        result = await attempt()
      }
      states.value[tabId] = result.ok
        ? { phase: 'done', response: result.response, checks: result.checks }
        : { phase: 'failed', error: result.error, checks: result.checks }
    } catch (error) {
      // The bridge itself failed (host gone, invalid call): still a readable error, never blank.
      states.value[tabId] = {
        phase: 'failed',
        error: {
          code: 'UNKNOWN',
          message: (error as Error).message,
          hint: 'If Courier was restarted, reload this window.',
        },
      }
    } finally {
      running.delete(tabId)
    }
  }

  async function retry(tabId: string) {
    const last = lastSent.get(tabId)
    if (last) await send(tabId, last.spec, last.variables, last.context, last.forScripts)
  }

  async function cancel(tabId: string) {
    const requestId = running.get(tabId)
    if (requestId) await useApi().http.cancel({ requestId })
  }

  function isRunning(tabId: string): boolean {
    return stateOf(tabId).phase === 'running'
  }

  function forget(tabId: string) {
    void cancel(tabId)
    releaseBody(tabId)
    delete states.value[tabId]
    lastSent.delete(tabId)
  }

  return { states, stateOf, send, retry, cancel, isRunning, forget }
})
