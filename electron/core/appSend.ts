import type { CourierService } from '../../shared/ipc'
import { withRepeatedBody } from '../../shared/logic/sendContextBody'
import type { ResponseRecord } from '../../shared/model/response'
import type { ScriptLimitSettings } from '../../shared/model/settings'
import { asCall, messageOf } from './callFailure'
import { bodyTextOf, requestNameOf } from './checks/bodyText'
import { keepScriptVariables } from './checks/keepScriptVariables'
import type { CourierServiceDeps } from './courierService'
import { withBodyForHistory } from './history/bodyForHistory'
import { isJsonMediaType } from './http/decodeBody'
import { CLOSED_GATE } from './http/fileGate'
import { sendAndRecord, type HistorySink } from './sendAndRecord'
import { SchemaCheck } from './assertions/schemaCheck'

/** A text body too big to travel whole: the renderer will read it as lines. */
function isBigText(response: ResponseRecord): boolean {
  return (
    !response.bodyComplete &&
    response.bodyId !== null &&
    !response.overLimit &&
    response.bodyEncoding === 'utf8'
  )
}

/**
 * Its pretty view is prepared at once, in the background, so Format is ready (or nearly)
 * when the tester asks for it.
 */
function looksLikeJson(response: ResponseRecord): boolean {
  return (
    isJsonMediaType(response.mediaType) ||
    (response.mediaType === '' && /^\s*[[{]/.test(response.body))
  )
}

/** The settings' script limits as the sandbox takes them. */
function scriptLimits({ cpuMs, memoryMB }: ScriptLimitSettings) {
  return { cpuMs, memoryBytes: memoryMB * 1024 * 1024 }
}

/** The app's `http:send`: the shared send-and-record path, with the app's history and events. */
export function createAppSend(deps: CourierServiceDeps): CourierService['http:send'] {
  const warn = deps.warn ?? ((message: string) => console.warn(message))
  const bodies = deps.engine.bodies
  const schemas = deps.schemas ?? new SchemaCheck()

  /**
   * Keeps a send in the history. Keeping megabytes of body (read back, masked, compressed)
   * takes a few hundred ms of CPU: for a big body that waits until its first screen is out
   * and its views are built, the work the tester is looking at.
   */
  const history = (editedBodyIsSent: boolean): HistorySink | null => {
    const store = deps.history
    if (!store) return null
    return {
      keep: async (entry) => {
        const record = async () => {
          try {
            const limit = store.getRetention().maxBodyBytes
            const summary = await store.appendAsync({
              ...entry,
              context: entry.spec
                ? withRepeatedBody(entry.spec, entry.context, editedBodyIsSent)
                : entry.context,
              result: await withBodyForHistory(entry.result, bodies, limit),
            })
            deps.emit('history:added', summary)
          } catch (error) {
            warn(`This send could not be added to the history: ${messageOf(error)}`)
          }
        }
        const r = entry.result
        const bodyId = r.ok && !r.response.bodyComplete ? r.response.bodyId : null
        if (bodyId) bodies.afterFirstScreen(bodyId, () => void bodies.settled(bodyId).then(record))
        else await record()
      },
    }
  }

  return async (args) => {
    const { requestId, spec: given, context, bodyDraft, variableScopes } = args
    // A big body may come as a reference to its draft file (see useExchangeStore): read
    // back here. A draft that is gone fails the call, and the renderer sends it whole.
    const { body } = given
    const spec =
      bodyDraft && 'text' in body
        ? {
            ...given,
            body: { ...body, text: await asCall(() => deps.appState.draftText(bodyDraft)) },
          }
        : given
    // Only files the user picked or confirmed for this workspace are read (FILE_NOT_CONFIRMED).
    const files = deps.fileConsents
      ? deps.fileConsents.gate(context.workspace, args.allowFilesOnce)
      : { ...CLOSED_GATE, baseDir: context.workspace }
    const checked = await sendAndRecord(
      {
        engine: deps.engine,
        scripts: deps.scripts ?? null,
        schemas,
        history: history(args.editedBodyIsSent),
        bodyText: (response) => bodyTextOf(response, bodies),
      },
      {
        requestId,
        spec,
        variables: args.variables,
        scriptLevels: args.scriptLevels,
        scopes: variableScopes,
        requestName: requestNameOf(context.requestPath),
        defaults: deps.settings.get().requestDefaults,
        limits: scriptLimits(deps.settings.get().scriptLimits),
        onProgress: (receivedBytes, totalBytes) =>
          deps.emit('http:progress', { requestId, receivedBytes, totalBytes }),
        source: 'app',
        context,
        files,
        // The workspace's jar (the request's `cookies` setting may leave it out).
        ...(deps.cookies && { cookies: deps.cookies.hooksFor(context.workspace) }),
      },
    )
    const { result } = checked
    if (checked.variables && variableScopes) {
      // What scripts set in the environment, globals and collection is kept like an edit.
      await keepScriptVariables(deps.workspace, variableScopes, checked.variables).catch(
        (error: unknown) =>
          warn(`Variables set by the scripts could not be saved: ${messageOf(error)}`),
      )
    }
    if (result.ok && isBigText(result.response)) {
      const { bodyId } = result.response
      bodies.prepare(bodyId!, {
        pretty: looksLikeJson(result.response),
        onProgress: (done) => deps.emit('body:progress', { bodyId: bodyId!, view: 'pretty', done }),
      })
    }
    return result
  }
}
