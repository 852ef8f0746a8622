import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface EntrySize {
  /** Bytes of JavaScript the page loads before it can run: the entry script and its preloads. */
  initialJsBytes: number
  /** The entry chunk alone. */
  mainChunkBytes: number
  /** Every script the page references from index.html. */
  initialChunks: string[]
}

/** What the built renderer's index.html makes the browser load before the app starts. */
export function entrySize(rendererDir: string): EntrySize {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error(`No entry script in ${rendererDir}/index.html: run npm run build.`)
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map(
    (m) => m[1]!,
  )
  const chunks = [entry, ...preloads]
  const size = (file: string) => statSync(join(rendererDir, file)).size
  return {
    initialJsBytes: chunks.reduce((sum, file) => sum + size(file), 0),
    mainChunkBytes: size(entry),
    initialChunks: chunks,
  }
}
