import { app, BrowserWindow, session, shell } from 'electron'
import { composeCourier } from '../core/composeCourier'
import prettyWorkerPath from '../core/bodies/prettyWorker?modulePath'
import historyWorkerPath from '../core/history/historyWriterWorker?modulePath'
import scriptWorkerPath from '../core/scripts/scriptWorker?modulePath'
import { EncryptedSecretStore } from '../core/secrets/encryptedSecretStore'
import { openElectronStore } from './adapters/electronStoreAdapter'
import {
  pickFileWithDialog,
  pickFolderWithDialog,
  pickSavePathWithDialog,
} from './adapters/fileDialog'
import { safeStorageCipher } from './adapters/safeStorageCipher'
import { electronProxyResolver } from './adapters/electronProxyResolver'
import { registerIpc } from './registerIpc'
import { createSecureWindow, denyAllPermissions } from './secureWindow'

// The Electron shell: its own storage, keyring and dialogs, handed to the shared
// composition root (core/composeCourier), and the contract carried over IPC.
app.setName('Courier')
const notices: string[] = []
let mainWindow: BrowserWindow | null = null

app.whenReady().then(() => {
  // Deny every permission, asked or checked (camera, notifications, ...): a REST client needs none.
  denyAllPermissions(session.defaultSession)
  const dataDir = app.getPath('userData')
  const store = openElectronStore(dataDir, (m) => notices.push(m))
  const courier = composeCourier({
    dataDir,
    store,
    // safeStorage is only usable once the app is ready, which it is here.
    secrets: new EncryptedSecretStore(store, safeStorageCipher()),
    // Big JSON is formatted in a worker thread: the bundled prettyWorker.ts.
    prettyWorkerEntry: prettyWorkerPath,
    // Scripts run in QuickJS in a worker thread: the bundled scriptWorker.ts.
    scriptWorkerEntry: scriptWorkerPath,
    // History is written on a worker thread: the bundled historyWriterWorker.ts.
    historyWorkerEntry: historyWorkerPath,
    // Settings > Proxy > System asks Chromium, which reads the OS settings.
    proxyResolver: electronProxyResolver(session.defaultSession),
    notices,
    appInfo: { version: app.getVersion(), shell: 'electron', canPickFiles: true },
    pickFile: (title) => pickFileWithDialog(mainWindow, title),
    pickFolder: (title) => pickFolderWithDialog(mainWindow, title),
    saveBody: async (bodies, bodyId, fileName) => {
      const path = await pickSavePathWithDialog(mainWindow, fileName)
      if (!path) return { outcome: 'cancelled' }
      await bodies.saveTo(bodyId, path)
      return { outcome: 'saved', path }
    },
    saveReport: async (fileName, write) => {
      const path = await pickSavePathWithDialog(mainWindow, fileName, 'Save run report')
      if (!path) return { outcome: 'cancelled' }
      await write(path)
      return { outcome: 'saved', path }
    },
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    // OAuth 2.0 sign-in happens in the system browser (RFC 8252), never in a Courier window.
    openExternal: (url) => shell.openExternal(url),
  })
  registerIpc(courier.service, () => mainWindow)
  mainWindow = createSecureWindow()
  app.on('before-quit', () => void courier.close())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) mainWindow = createSecureWindow()
})
