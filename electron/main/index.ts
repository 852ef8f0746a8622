import { app, BrowserWindow, session } from 'electron'
import { createCourierService } from '../core/courierService'
import { HttpEngine } from '../core/http/engine'
import { SettingsService } from '../core/settings/settingsService'
import { openElectronStore } from './adapters/electronStoreAdapter'
import { pickFileWithDialog } from './adapters/fileDialog'
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
  const engine = new HttpEngine()
  const settings = new SettingsService(
    openElectronStore(dataDir, (m) => notices.push(m)),
    (m) => notices.push(m),
  )
  const service = createCourierService({
    engine,
    settings,
    pickFile: (title) => pickFileWithDialog(mainWindow, title),
    appInfo: {
      version: app.getVersion(),
      shell: 'electron',
      dataDir,
      canPickFiles: true,
      notices,
    },
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
  })
  registerIpc(service, () => mainWindow)
  mainWindow = createSecureWindow()
  app.on('before-quit', () => engine.close())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) mainWindow = createSecureWindow()
})
