import type { CourierService, EventName, EventPayload, AppInfo } from '../../shared/ipc'
import { CallError } from '../../shared/ipc/callError'
import { SchemaCheck } from './assertions/schemaCheck'
import { asCall, messageOf } from './callFailure'
import { bodyTextOf, requestNameOf } from './checks/bodyText'
import { checkedSend } from './checks/checkedSend'
import { keepScriptVariables } from './checks/keepScriptVariables'
import type { ScriptPort } from './checks/scriptPort'
import type { HistoryStore } from './history/historyStore'
import type { AppStateService } from './settings/appStateService'
import { codeLanguages, generateCode } from './interop/code/codeLanguages'
import { exportHar } from './interop/export/harExport'
import { exportPostman } from './interop/export/postmanExport'
import { parseCurl } from './interop/import/curl'
import { importText } from './interop/import/importText'
import { writeImport } from './interop/import/writeImport'
import type { HttpEngine } from './http/engine'
import { isJsonMediaType } from './http/decodeBody'
import { withRepeatedBody } from '../../shared/logic/sendContextBody'
import type { BodySaveResult } from '../../shared/model/body'
import type { ResponseRecord } from '../../shared/model/response'
import { withBodyForHistory } from './history/bodyForHistory'
import type { SettingsService } from './settings/settingsService'
import type { WorkspaceApi } from './workspace/workspaceApi'

export interface CourierServiceDeps {
  engine: HttpEngine
  settings: SettingsService
  /** The open tabs kept across restarts. */
  appState: AppStateService
  /** The open workspace, its environments and the globals. */
  workspace: WorkspaceApi
  /** Native file dialog in the app; null where the shell has none. */
  pickFile: (title: string) => Promise<{ path: string; name: string; size: number } | null>
  /**
   * Save to file for a kept body: the app asks where and writes it; browser mode answers
   * with a download URL served by its host.
   */
  saveBody: (bodyId: string, fileName: string) => Promise<BodySaveResult>
  /** Native folder dialog in the app; null when cancelled or where the shell has none. */
  pickFolder: (title: string) => Promise<string | null>
  appInfo: AppInfo
  /** Where every send is kept; null when the history could not be opened (appInfo.notices says why). */
  history: HistoryStore | null
  /** The script sandbox; absent where scripts cannot run (a request with scripts then fails). */
  scripts?: ScriptPort | null
  /** JSON Schema checks of assertions, reading `file:` schemas from the open workspace. */
  schemas?: SchemaCheck
  /** Reports a failure that must not fail the call it happened in (e.g. history full). */
  warn?: (message: string) => void
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
}

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

/** The Node side of the contract: every call, backed by core services. Shells only wire it. */
export function createCourierService(deps: CourierServiceDeps): CourierService {
  const ws = deps.workspace
  const warn = deps.warn ?? ((message: string) => console.warn(message))
  const bodies = deps.engine.bodies
  const schemas = deps.schemas ?? new SchemaCheck()
  const history = (): HistoryStore => {
    if (!deps.history) {
      throw new CallError(
        'HISTORY_UNAVAILABLE',
        'History is not available in this session: see the notice shown at start-up.',
      )
    }
    return deps.history
  }
  return {
    'http:send': async ({
      requestId,
      spec: given,
      variables,
      context,
      editedBodyIsSent,
      bodyDraft,
      scriptLevels,
      variableScopes,
    }) => {
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
      const at = Date.now()
      const checked = await checkedSend(
        {
          send: (sent, resolving) =>
            deps.engine.send({
              requestId,
              spec: sent,
              variables: resolving,
              defaults: deps.settings.get().requestDefaults,
              onProgress: (receivedBytes, totalBytes) =>
                deps.emit('http:progress', { requestId, receivedBytes, totalBytes }),
            }),
          scripts: deps.scripts ?? null,
          schemas,
          bodyText: (response) => bodyTextOf(response, bodies),
        },
        {
          spec,
          variables,
          scriptLevels,
          scopes: variableScopes,
          requestName: requestNameOf(context.requestPath),
        },
      )
      const { result } = checked
      if (checked.variables && variableScopes) {
        // What scripts set in the environment, globals and collection is kept like an edit.
        await keepScriptVariables(ws, variableScopes, checked.variables).catch((error: unknown) =>
          warn(`Variables set by the scripts could not be saved: ${messageOf(error)}`),
        )
      }
      if (result.ok && isBigText(result.response)) {
        const { bodyId } = result.response
        bodies.prepare(bodyId!, {
          pretty: looksLikeJson(result.response),
          onProgress: (done) =>
            deps.emit('body:progress', { bodyId: bodyId!, view: 'pretty', done }),
        })
      }
      // The send succeeded whatever happens to its history entry.
      const store = deps.history
      const record = async () => {
        if (!store) return
        try {
          const limit = store.getRetention().maxBodyBytes
          const summary = await store.appendAsync({
            at,
            source: 'app',
            context: withRepeatedBody(spec, context, editedBodyIsSent),
            spec,
            variables,
            result: await withBodyForHistory(result, bodies, limit),
          })
          deps.emit('history:added', summary)
        } catch (error) {
          warn(`This send could not be added to the history: ${messageOf(error)}`)
        }
      }
      // Keeping megabytes of body (read back, masked, compressed) takes a few hundred ms of
      // CPU: for a big body that waits until its first screen is out and its views are
      // built, the work the tester is looking at.
      const bodyId = result.ok && !result.response.bodyComplete ? result.response.bodyId : null
      if (bodyId) bodies.afterFirstScreen(bodyId, () => void bodies.settled(bodyId).then(record))
      else await record()
      return result
    },
    'http:cancel': async ({ requestId }) => deps.engine.cancel(requestId),
    'settings:get': async () => deps.settings.get(),
    'settings:update': async (patch) => deps.settings.update(patch),
    'dialog:pickFile': async ({ title }) => deps.pickFile(title),
    'dialog:pickFolder': async ({ title }) => asCall(() => deps.pickFolder(title)),
    'app:info': async () => deps.appInfo,
    'workspace:snapshot': async () => asCall(() => ws.snapshot()),
    'workspace:open': async ({ dir }) => asCall(() => ws.open(dir)),
    'workspace:create': async ({ dir, name }) => asCall(() => ws.create(dir, name)),
    'workspace:recent': async () => asCall(() => ws.recent()),
    'workspace:readRequest': async ({ path }) => asCall(() => ws.readRequest(path)),
    'workspace:saveRequest': async ({ path, folder, request }) =>
      asCall(async () => ({ path: await ws.saveRequest(path, folder, request) })),
    'workspace:createFolder': async ({ parent, name }) =>
      asCall(async () => ({ path: await ws.createFolder(parent, name) })),
    'workspace:rename': async ({ path, name }) =>
      asCall(async () => ({ path: await ws.rename(path, name) })),
    'workspace:move': async ({ path, toFolder }) =>
      asCall(async () => ({ path: await ws.move(path, toFolder) })),
    'workspace:duplicate': async ({ path }) =>
      asCall(async () => ({ path: await ws.duplicate(path) })),
    'workspace:delete': async ({ path }) => asCall(async () => ({ undoId: await ws.delete(path) })),
    'workspace:undoDelete': async ({ undoId }) =>
      asCall(async () => ({ path: await ws.undoDelete(undoId) })),
    'workspace:saveDefaults': async ({ folder, defaults }) =>
      asCall(() => ws.saveDefaults(folder, defaults).then(() => true)),
    'env:save': async ({ previousName, environment }) =>
      asCall(() => ws.saveEnvironment(previousName, environment)),
    'env:delete': async ({ name }) => asCall(() => ws.deleteEnvironment(name).then(() => true)),
    'env:setActive': async ({ name }) =>
      asCall(() => ws.setActiveEnvironment(name).then(() => true)),
    'history:list': async (args) => asCall(() => history().list(args)),
    'history:get': async ({ id }) => asCall(() => history().get(id)),
    'history:delete': async ({ ids }) => asCall(() => history().delete(ids)),
    'history:deleteMatching': async (filter) => asCall(() => history().deleteMatching(filter)),
    'history:clear': async () => asCall(() => history().clear()),
    'history:exportHar': async ({ ids }) =>
      asCall(() => history().exportHar(ids, deps.appInfo.version)),
    'history:getRetention': async () => asCall(() => history().getRetention()),
    'history:setRetention': async (retention) => asCall(() => history().setRetention(retention)),
    'interop:import': async ({ text, fileName, format, into }) =>
      asCall(async () => writeImport(ws, await importText(text, { fileName, format }), into)),
    'interop:parseCurl': async ({ text }) => asCall(() => parseCurl(text)),
    'interop:export': async ({ folder, format }) =>
      asCall(() => (format === 'har' ? exportHar(ws, folder) : exportPostman(ws, folder))),
    'interop:languages': async () => codeLanguages(),
    'interop:code': async ({ spec, variables, language }) =>
      asCall(() => generateCode(spec, variables, language)),
    'state:get': async () => deps.appState.get(),
    'state:save': async (state) => asCall(() => deps.appState.save(state)),
    'body:open': async ({ bodyId, view }) =>
      asCall(() =>
        bodies.open(bodyId, view, (done) => deps.emit('body:progress', { bodyId, view, done })),
      ),
    'body:lines': async ({ bodyId, view, from, count }) =>
      asCall(() => bodies.lines(bodyId, view, from, count)),
    'body:search': async ({ bodyId, view, query, caseSensitive }) =>
      asCall(() => bodies.search(bodyId, view, query, caseSensitive)),
    'body:path': async ({ bodyId, line }) => asCall(() => bodies.path(bodyId, line)),
    'body:filter': async ({ bodyId, expression }) =>
      asCall(() => bodies.filter(bodyId, expression)),
    'body:save': async ({ bodyId, fileName }) => asCall(() => deps.saveBody(bodyId, fileName)),
    'body:release': async ({ bodyId }) => asCall(() => bodies.release(bodyId)),
    'globals:get': async () => asCall(() => ws.globals()),
    'globals:update': async ({ variables }) => asCall(() => ws.updateGlobals(variables)),
  }
}
