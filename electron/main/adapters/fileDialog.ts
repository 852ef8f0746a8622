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
