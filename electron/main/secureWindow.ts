import { join } from 'node:path'
import { app, BrowserWindow, shell } from 'electron'
import { chooseRendererEntry } from './rendererEntry'

/**
 * The one window: context isolation, sandboxed renderer, no Node, no navigation away
 * from the app, and links opened in the user's browser instead of inside Courier.
 */
export function createSecureWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Courier',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  const entry = chooseRendererEntry({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererDir: join(import.meta.dirname, '../renderer'),
  })
  if (entry.kind === 'url') void window.loadURL(entry.url)
  else void window.loadFile(entry.path)
  return window
}
