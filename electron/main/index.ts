import { app, BrowserWindow, session } from 'electron'
import { createCourierService, type CourierServiceDeps } from '../core/courierService'
import { HistoryStore } from '../core/history/historyStore'
import { HttpEngine } from '../core/http/engine'
import { BodyStore } from '../core/bodies/bodyStore'
import { prettyInWorkerThread } from '../core/bodies/prettyInWorker'
import prettyWorkerPath from '../core/bodies/prettyWorker?modulePath'
import { sessionBodiesDir } from '../core/bodies/sessionBodiesDir'
import { EncryptedSecretStore } from '../core/secrets/encryptedSecretStore'
import { AppStateService } from '../core/settings/appStateService'
import { SettingsService } from '../core/settings/settingsService'
import { WorkspaceService } from '../core/workspace/workspaceService'
import { openElectronStore } from './adapters/electronStoreAdapter'
import {
  pickFileWithDialog,
  pickFolderWithDialog,
  pickSavePathWithDialog,
} from './adapters/fileDialog'
import { safeStorageCipher } from './adapters/safeStorageCipher'
import { registerIpc } from './registerIpc'
import { createSecureWindow } from './secureWindow'

// The composition root: the only place that knows every service and wires them.
app.setName('Courier')
const notices: string[] = []
let mainWindow: BrowserWindow | null = null

app.whenReady().then(() => {
  // Deny every permission prompt (camera, notifications, ...): a REST client needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  const dataDir = app.getPath('userData')
  // Big JSON is formatted in a worker thread: the bundled prettyWorker.ts.
  const pretty = prettyInWorkerThread({ entry: prettyWorkerPath })
  const bodies = new BodyStore({ dir: sessionBodiesDir(dataDir), pretty })
  const engine = new HttpEngine({ bodies })
  const store = openElectronStore(dataDir, (m) => notices.push(m))
  const settings = new SettingsService(store, (m) => notices.push(m))
  const appState = new AppStateService(store, (m) => notices.push(m))
  // safeStorage is only usable once the app is ready, which it is here.
  const secrets = new EncryptedSecretStore(store, safeStorageCipher())
  const workspace = new WorkspaceService({ dataDir, store, secrets })
  const history = HistoryStore.tryOpen(dataDir, { notice: (m) => notices.push(m) })
  const emit: CourierServiceDeps['emit'] = (event, payload) =>
    mainWindow?.webContents.send(event, payload)
  const service = createCourierService({
    engine,
    settings,
    appState,
    workspace,
    pickFile: (title) => pickFileWithDialog(mainWindow, title),
    pickFolder: (title) => pickFolderWithDialog(mainWindow, title),
    saveBody: async (bodyId, fileName) => {
      const path = await pickSavePathWithDialog(mainWindow, fileName)
      if (!path) return { outcome: 'cancelled' }
      await bodies.saveTo(bodyId, path)
      return { outcome: 'saved', path }
    },
    appInfo: {
      version: app.getVersion(),
      shell: 'electron',
      dataDir,
      canPickFiles: true,
      secretsWarning: secrets.warning,
      notices,
    },
    history,
    emit,
  })
  const stopForwarding = workspace.onChange((snapshot) => emit('workspace:changed', snapshot))
  registerIpc(service, () => mainWindow)
  mainWindow = createSecureWindow()
  app.on('before-quit', () => {
    stopForwarding()
    engine.close()
    void bodies.close()
    history?.close()
    void workspace.close()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) mainWindow = createSecureWindow()
})
