import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseRendererEntry } from '../../electron/main/rendererEntry'

const rendererDir = join('app.asar', 'out', 'renderer')
const builtFile = { kind: 'file', path: join(rendererDir, 'index.html') }

describe('where the window loads the renderer from', () => {
  it('a packaged app loads its own files even when ELECTRON_RENDERER_URL is set', () => {
    const entry = chooseRendererEntry({
      isPackaged: true,
      devServerUrl: 'https://attacker.example/',
      rendererDir,
    })
    expect(entry).toEqual(builtFile)
  })

  it("`npm run dev` (not packaged) loads electron-vite's dev server", () => {
    const entry = chooseRendererEntry({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173/',
      rendererDir,
    })
    expect(entry).toEqual({ kind: 'url', url: 'http://localhost:5173/' })
  })

  it('without a dev server (npm start) it loads the built files', () => {
    expect(
      chooseRendererEntry({ isPackaged: false, devServerUrl: undefined, rendererDir }),
    ).toEqual(builtFile)
    expect(chooseRendererEntry({ isPackaged: false, devServerUrl: '', rendererDir })).toEqual(
      builtFile,
    )
  })
})
