import { WorkspaceCookies } from './cookies/workspaceCookies'
import type { AppInfo, CourierService } from '../../shared/ipc'
import { SchemaCheck } from './assertions/schemaCheck'
import type { OpenExternal } from './auth/oauth2/grants'
import { enginePost } from './auth/oauth2/enginePost'
import { OAuth2Tokens } from './auth/oauth2/oauth2Tokens'
import { printedSignIn } from './auth/oauth2/printedSignIn'
import { BodyStore } from './bodies/bodyStore'
import { workspaceSchemaReader } from './checks/schemaFiles'
import { prettyInWorkerThread } from './bodies/prettyInWorker'
import { sessionBodiesDir, sessionDir } from './bodies/sessionBodiesDir'
import { createCourierService, type CourierServiceDeps } from './courierService'
import { HistoryStore } from './history/historyStore'
import { FileConsentStore } from './files/fileConsentStore'
import { HttpEngine } from './http/engine'
import { proxyConfigOf } from './http/proxy/proxyPassword'
import { ProxyRouter, type ProxyResolver } from './http/proxy/proxyRouter'
import { testProxy } from './http/proxy/proxyTest'
import { applyTlsSettings, tlsMaterialOf } from './http/tlsSettings'
import { testTls } from './http/tlsTest'
import { addNotice } from './notices'
import { appRunHistory } from './runner/appRunHistory'
import { createAppRuns, type SaveReport } from './runner/appRuns'
import { engineSendRequest } from './scripts/engineSendRequest'
import { createScriptRunner } from './scripts/scriptRunner'
import type { SecretStore } from './secrets/secretStore'
import { AppStateService } from './settings/appStateService'
import { SettingsService } from './settings/settingsService'
import type { KeyValueStore } from './storage/keyValueStore'
import { tightenTree } from './storage/privateFiles'
import { WorkspaceService } from './workspace/workspaceService'

/** What differs between the shells (Electron's main process, the web host). */
export interface ShellParts {
  dataDir: string
  /** The settings file, opened by the shell's own adapter (electron-store or conf). */
  store: KeyValueStore
  /** Where secret values are kept in this shell. */
  secrets: SecretStore
  /** The built formatting worker; the default loads it beside prettyInWorker's module. */
  prettyWorkerEntry?: string | URL
  /** The built script sandbox worker; the default loads it beside scriptRunner's module. */
  scriptWorkerEntry?: string | URL
  /** The built history writer thread; the default loads it beside historyWriter's module. */
  historyWorkerEntry?: string | URL
  /** The OS proxy settings (Electron's session.resolveProxy); absent in browser mode. */
  proxyResolver?: ProxyResolver
  /** Start-up messages for the tester (storage repaired, history unavailable...). */
  notices: string[]
  /** appInfo less what the core knows (notices, secrets warning, data directory). */
  appInfo: Pick<AppInfo, 'version' | 'shell' | 'canPickFiles'>
  pickFile: CourierServiceDeps['pickFile']
  pickFolder: CourierServiceDeps['pickFolder']
  /** Save to file for a kept body; gets the body store to stream from. */
  saveBody: (
    bodies: BodyStore,
    bodyId: string,
    fileName: string,
  ) => ReturnType<CourierServiceDeps['saveBody']>
  /** Export of a run's report: where the user picks (app) or as a download (browser mode). */
  saveReport: SaveReport
  emit: CourierServiceDeps['emit']
  /**
   * Variable values that win over the ones the renderer resolved (`COURIER_VAR_*`,
   * `--secrets`); they are secrets, so history masks them.
   */
  overrides?: Record<string, string>
  /**
   * Opens an OAuth 2.0 authorization URL in the user's browser (Electron's
   * shell.openExternal); without it the URL is printed on the console.
   */
  openExternal?: OpenExternal
}

export interface ComposedCourier {
  service: CourierService
  bodies: BodyStore
  /** Stops the watcher, the engine's sockets, the body store, the history and the workspace. */
  close(): Promise<void>
}

/**
 * The one composition root: every core service the app needs, wired the same way for the
 * Electron shell and for browser mode. A shell opens its own storage and dialogs, and
 * carries the contract over its own transport.
 */
export function composeCourier(shell: ShellParts): ComposedCourier {
  const { dataDir, store, secrets, notices } = shell
  const notice = (message: string) => addNotice(notices, message)
  // Files an older Courier wrote with the umask's modes become owner-only (0700/0600).
  tightenTree(dataDir)
  const pretty = prettyInWorkerThread(
    shell.prettyWorkerEntry ? { entry: shell.prettyWorkerEntry } : {},
  )
  const bodies = new BodyStore({ dir: sessionBodiesDir(dataDir), pretty })
  const settings = new SettingsService(store, notice, secrets)
  // Each request reads the proxy settings, so a change applies to the next send.
  const proxy = new ProxyRouter({
    config: () => proxyConfigOf(settings.get().proxy, secrets),
    ...(shell.proxyResolver && { system: shell.proxyResolver }),
  })
  // OAuth 2.0 tokens are secrets: kept in the shell's secret store, per workspace.
  // Token requests go out through the engine, so they take the same proxy as the sends.
  const oauth2 = new OAuth2Tokens(
    secrets,
    shell.openExternal ?? printedSignIn((text) => process.stdout.write(text)),
    Date.now,
    // "Get new token" verifies TLS as the app's request defaults say; a send, as it does.
    enginePost(
      () => engine,
      () => settings.get().requestDefaults,
    ),
  )
  const engine: HttpEngine = new HttpEngine({ bodies, proxy, oauth2 })
  // TLS files are read at start and again whenever the settings are saved (settings:update).
  applyTlsSettings(engine, settings.get().tls, secrets)
  // Each workspace's cookie jar: values are credentials, kept encrypted like other secrets.
  const cookies = new WorkspaceCookies(secrets)
  // Scripts run in a worker thread; their pm.sendRequest goes through this engine.
  const scripts = createScriptRunner({
    ...(shell.scriptWorkerEntry && { entry: shell.scriptWorkerEntry }),
    sendRequest: engineSendRequest(engine),
  })
  const appState = new AppStateService(store, notice)
  const workspace = new WorkspaceService({ dataDir, store, secrets })
  // Sends are written to history on a thread of their own (historyWriterWorker.ts).
  const history = HistoryStore.tryOpen(dataDir, {
    notice,
    keepCredentials: () => settings.get().history.keepCredentials,
    writerThread: shell.historyWorkerEntry ? { entry: shell.historyWorkerEntry } : {},
  })
  const schemas = new SchemaCheck(workspaceSchemaReader(workspace))
  const fileConsents = new FileConsentStore(dataDir, notice)
  const runs = createAppRuns({
    engine,
    scripts,
    schemas,
    workspace,
    settings: () => settings.get(),
    history: history ? appRunHistory(history, bodies, (m) => console.warn(m)) : null,
    spoolDir: sessionDir(dataDir, 'run-spools'),
    emit: (payload) => shell.emit('run:event', payload),
    saveReport: shell.saveReport,
    overrides: shell.overrides,
    fileConsents,
    cookies,
  })
  const core = createCourierService({
    engine,
    settings,
    appState,
    workspace,
    pickFile: shell.pickFile,
    pickFolder: shell.pickFolder,
    saveBody: (bodyId, fileName) => shell.saveBody(bodies, bodyId, fileName),
    appInfo: { ...shell.appInfo, dataDir, secretsWarning: secrets.warning, notices },
    history,
    emit: shell.emit,
    schemas,
    scripts,
    runs,
    fileConsents,
    testProxy: (form, url) =>
      testProxy(form, url, {
        saved: () => settings.get().proxy,
        secrets,
        tls: () => tlsMaterialOf(settings.get().tls, secrets),
        ...(shell.proxyResolver && { system: shell.proxyResolver }),
      }),
    testTls: (form, url) => testTls(form, url, { saved: () => settings.get().tls, secrets, proxy }),
    oauth2,
    cookies,
  })
  const withTls: CourierService = {
    ...core,
    'settings:update': async (patch) => {
      const saved = await core['settings:update'](patch)
      if (patch.tls) applyTlsSettings(engine, saved.tls, secrets)
      return saved
    },
  }
  const service = shell.overrides ? withOverrides(withTls, shell.overrides) : withTls
  const stopForwarding = workspace.onChange((snapshot) => shell.emit('workspace:changed', snapshot))
  return {
    service,
    bodies,
    async close() {
      stopForwarding()
      await runs.close()
      await scripts.close()
      engine.close()
      await bodies.close()
      // Every send acknowledged to the tester is in the file before the app quits.
      await history?.closeAsync()
      await workspace.close()
    },
  }
}

function withOverrides(core: CourierService, overrides: Record<string, string>): CourierService {
  if (Object.keys(overrides).length === 0) return core
  return {
    ...core,
    'http:send': (args) =>
      core['http:send']({
        ...args,
        variables: { ...args.variables, ...overrides },
        context: {
          ...args.context,
          secretNames: [...new Set([...args.context.secretNames, ...Object.keys(overrides)])],
        },
      }),
    // The Auth tab's token is fetched with the same values a send would use.
    'oauth2:status': (args) =>
      core['oauth2:status']({ ...args, variables: { ...args.variables, ...overrides } }),
    'oauth2:fetch': (args) =>
      core['oauth2:fetch']({ ...args, variables: { ...args.variables, ...overrides } }),
    'oauth2:clear': (args) =>
      core['oauth2:clear']({ ...args, variables: { ...args.variables, ...overrides } }),
  }
}
