import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'

/** The native Open dialog; the renderer only ever learns the path the user picked. */
export async function pickFileWithDialog(window: BrowserWindow | null, title: string) {
  const options = { title, properties: ['openFile' as const] }
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  const path = result.filePaths[0]
  if (result.canceled || !path) return null
  return { path, name: basename(path), size: (await stat(path)).size }
}

/** The native folder dialog (for opening or creating a workspace); null when cancelled. */
export async function pickFolderWithDialog(
  window: BrowserWindow | null,
  title: string,
): Promise<string | null> {
  const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  const path = result.filePaths[0]
  return result.canceled || !path ? null : path
}

/** The native Save dialog (for a body, or a run's report); null when cancelled. */
export async function pickSavePathWithDialog(
  window: BrowserWindow | null,
  defaultPath: string,
  title = 'Save response body',
): Promise<string | null> {
  const options = { title, defaultPath }
  const result = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}
