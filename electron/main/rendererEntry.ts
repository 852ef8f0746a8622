import { join } from 'node:path'

/** Where the window loads the renderer from. */
export type RendererEntry =
  /** electron-vite's dev server (hot reload), during `npm run dev` only. */
  | { kind: 'url'; url: string }
  /** The built `renderer/index.html`, always in a packaged app. */
  | { kind: 'file'; path: string }

/** What the choice depends on; all of it comes from Electron and the environment. */
export interface RendererEntryInput {
  /** `app.isPackaged`: true in an installed build, false under `electron-vite dev`/`preview`. */
  isPackaged: boolean
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devServerUrl: string | undefined
  /** The folder holding the built `index.html` (`out/renderer`). */
  rendererDir: string
}

/**
 * Chooses the renderer to load. A packaged app always loads its own files: otherwise
 * anyone who can set `ELECTRON_RENDERER_URL` before starting it could point the window,
 * and the preload API behind it, at a page of their choice.
 */
export function chooseRendererEntry(input: RendererEntryInput): RendererEntry {
  const file: RendererEntry = { kind: 'file', path: join(input.rendererDir, 'index.html') }
  if (input.isPackaged || !input.devServerUrl) return file
  return { kind: 'url', url: input.devServerUrl }
}
