import type { CourierService, EventName, EventPayload, AppInfo } from '../../shared/ipc'
import { CallError } from '../../shared/ipc/callError'
import type { ProxyTestResult } from '../../shared/ipc/proxyCalls'
import type { TlsTestResult } from '../../shared/ipc/tlsCalls'
import type { TlsSettingsPatch } from '../../shared/model/tls'
import type { ProxySettingsPatch } from '../../shared/model/proxySettings'
import { createAppSend } from './appSend'
import { asCall } from './callFailure'
import type { SchemaCheck } from './assertions/schemaCheck'
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
import { oauth2Service } from './auth/oauth2/oauth2Service'
import { OAuth2Tokens } from './auth/oauth2/oauth2Tokens'
import { printedSignIn } from './auth/oauth2/printedSignIn'
import { cookieService } from './cookies/cookieService'
import { WorkspaceCookies } from './cookies/workspaceCookies'
import { MemorySecretStore } from './secrets/memorySecretStore'
import type { FileConsentStore } from './files/fileConsentStore'
import type { AppRuns } from './runner/appRuns'
import type { BodySaveResult } from '../../shared/model/body'
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
  /** The Runner's runs; absent where the shell has none (run: calls then fail saying so). */
  runs?: AppRuns
  /**
   * The local files the user confirmed for upload, per workspace. Absent: no send may read
   * a file (FILE_NOT_CONFIRMED), and `files:allow` fails.
   */
  fileConsents?: FileConsentStore
  /** "Test proxy" with the settings as edited (see http/proxy/proxyTest.ts). */
  testProxy?: (form: ProxySettingsPatch, url: string) => Promise<ProxyTestResult>
  /** "Test TLS" with the settings as edited (see http/tlsTest.ts). */
  testTls?: (form: TlsSettingsPatch, url: string) => Promise<TlsTestResult>
  /** The OAuth 2.0 tokens the engine sends with, for the Auth tab's token calls (absent: kept in memory). */
  oauth2?: OAuth2Tokens
  /** Each workspace's cookie jar, sent with and filled by its sends (absent: in memory). */
  cookies?: WorkspaceCookies
}

/** The Node side of the contract: every call, backed by core services. Shells only wire it. */
export function createCourierService(deps: CourierServiceDeps): CourierService {
  const ws = deps.workspace
  const bodies = deps.engine.bodies
  const history = (): HistoryStore => {
    if (!deps.history) {
      throw new CallError(
        'HISTORY_UNAVAILABLE',
        'History is not available in this session: see the notice shown at start-up.',
      )
    }
    return deps.history
  }
  const runs = (): AppRuns => {
    if (!deps.runs) throw new CallError('FAILED', 'Collection runs are not available here.')
    return deps.runs
  }
  return {
    'http:send': createAppSend(deps),
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
    'history:runs': async (args) => asCall(() => history().listRuns(args)),
    'history:run': async (args) => asCall(() => history().runEntries(args)),
    'history:deleteRun': async ({ runId }) => asCall(() => history().deleteRun(runId)),
    'interop:import': async ({ text, fileName, format, into }) =>
      asCall(async () =>
        writeImport(ws, await importText(text, { fileName, format }), into, {
          // Without a keyring the secret store forgets a credential when Courier closes.
          holdBackCredentials: deps.appInfo.secretsWarning !== null,
        }),
      ),
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
    'files:allow': async ({ workspace, path }) => {
      if (!deps.fileConsents) {
        throw new CallError('FAILED', 'Confirming files for upload is not available here.')
      }
      const consents = deps.fileConsents
      return { path: await asCall(() => consents.allow(workspace, path)) }
    },
    'proxy:test': async ({ proxy, url }) => {
      if (!deps.testProxy) throw new CallError('FAILED', 'Testing a proxy is not available here.')
      return deps.testProxy(proxy, url)
    },
    'tls:test': async ({ tls, url }) => {
      if (!deps.testTls) throw new CallError('FAILED', 'Testing TLS is not available here.')
      return deps.testTls(tls, url)
    },
    ...cookieService(deps.cookies ?? new WorkspaceCookies(new MemorySecretStore(null))),
    ...oauth2Service(
      deps.oauth2 ?? new OAuth2Tokens(new MemorySecretStore(null), printedSignIn(console.log)),
    ),
    'run:start': async (args) => runs().start(args),
    'run:filesToConfirm': async (args) => runs().filesToConfirm(args),
    'run:stop': async ({ runId }) => runs().stop(runId),
    'run:readData': async ({ path }) => runs().readData(path),
    'run:execution': async ({ runId, index }) => runs().execution(runId, index),
    'run:export': async ({ runId, format }) => runs().exportReport(runId, format),
  }
}
