import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MemorySource } from '../../electron/core/bodies/byteSource'
import { readLines } from '../../electron/core/bodies/lineDocument'
import { prettyInWorkerThread } from '../../electron/core/bodies/prettyInWorker'
import { formatJson } from '../../shared/logic/json'

// The Electron main bundle formats big JSON in its own bundled copy of prettyWorker.ts
// (electron-vite's `?modulePath`). Electron cannot run here, but that file is a plain
// Node worker: it is started as the app starts it, from the build output.
const CHUNKS = resolve('out/main/chunks')

function bundledWorker(): string {
  if (!existsSync(CHUNKS)) throw new Error(`${CHUNKS} is missing: run \`npm run build\` first.`)
  const name = readdirSync(CHUNKS).find((f) => /^prettyWorker-.*\.js$/.test(f))
  if (!name) throw new Error(`No prettyWorker chunk in ${CHUNKS}: is it still bundled?`)
  return join(CHUNKS, name)
}

const dir = mkdtempSync(join(tmpdir(), 'courier-bundled-worker-'))
const fallbacks: string[] = []
const runner = prettyInWorkerThread({
  entry: bundledWorker(),
  onFallback: (reason) => fallbacks.push(reason),
})
afterAll(async () => {
  await runner.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("the Electron bundle's pretty worker", () => {
  it('formats a body fed as it arrives, in its worker thread', async () => {
    const json = JSON.stringify(Array.from({ length: 30_000 }, (_, id) => ({ id, ok: true })))
    const bytes = Buffer.from(json)
    const feed = runner.feed!({ dir, memoryLimit: 1e6 })
    for (let at = 0; at < bytes.length; at += 65_536) feed.write(bytes.subarray(at, at + 65_536))
    const result = await feed.end(new MemorySource(bytes), { decoder: (b) => b.toString('utf8') })
    if (!result.ok) throw new Error(result.error.reason)
    expect((await readLines(result.doc, 0, result.doc.lineCount)).join('\n')).toBe(formatJson(json))
    await result.doc.text.dispose()
    // Had the bundled file failed to start, the work would have run on this thread.
    expect(fallbacks).toEqual([])
  })
})
