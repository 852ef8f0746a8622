import { join } from 'node:path'
import { app, BrowserWindow, shell, type Session } from 'electron'
import { chooseRendererEntry } from './rendererEntry'
import { externalLinkTarget, isAllowedNavigation, isPermissionGranted } from './windowGuards'

/**
 * The one window: context isolation, sandboxed renderer, no Node, no navigation away
 * from the app in any frame, no webviews, and links opened in the user's browser instead
 * of inside Courier. The decisions live in windowGuards.ts, where tests reach them.
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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  const { webContents } = window
  window.once('ready-to-show', () => window.show())
  webContents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url)
    if (target !== null) void shell.openExternal(target)
    return { action: 'deny' }
  })
  webContents.on('will-navigate', (event) => event.preventDefault())
  // will-navigate covers the top frame only; this covers the response preview's iframe too.
  webContents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation({ url: event.url, isMainFrame: event.isMainFrame }))
      event.preventDefault()
  })
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  const entry = chooseRendererEntry({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererDir: join(import.meta.dirname, '../renderer'),
  })
  if (entry.kind === 'url') void window.loadURL(entry.url)
  else void window.loadFile(entry.path)
  return window
}

/**
 * Refuses every permission a page asks for (a prompt) or checks for (e.g. reading the
 * clipboard, `navigator.permissions.query`): a REST client needs none.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  )
  session.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission))
}
