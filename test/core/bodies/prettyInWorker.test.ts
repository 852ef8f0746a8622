import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MemorySource, type ByteSource } from '../../../electron/core/bodies/byteSource'
import { readLines } from '../../../electron/core/bodies/lineDocument'
import {
  prettyInWorkerThread,
  prettyOnThisThread,
  type PrettyRunner,
} from '../../../electron/core/bodies/prettyInWorker'
import { SpoolWriter } from '../../../electron/core/bodies/spoolWriter'
import { formatJson } from '../../../shared/logic/json'

const dir = mkdtempSync(join(tmpdir(), 'courier-pretty-worker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const utf8 = (b: Buffer) => b.toString('utf8')
const fallbacks: string[] = []
const inWorkerThread = prettyInWorkerThread((reason) => fallbacks.push(reason))

async function prettyText(run: PrettyRunner, source: ByteSource, memoryLimit: number) {
  const progress: number[] = []
  const result = await run(source, {
    dir,
    memoryLimit,
    decoder: utf8,
    onProgress: (d) => progress.push(d),
  })
  if (!result.ok) throw new Error(result.error.reason)
  const { doc } = result
  return { lines: await readLines(doc, 0, doc.lineCount), doc, progress }
}

const json = JSON.stringify({
  items: Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `n${i}`, tags: ['a', 'ü'] })),
})

describe('pretty-printing in a worker thread', () => {
  it('gives the same lines and indexes as on this thread, spooled to a file', async () => {
    // A file source, and a memory limit that makes the output spool too.
    const writer = new SpoolWriter(dir, 1024)
    await writer.write(Buffer.from(json))
    const source = await writer.finish()
    const inWorker = await prettyText(inWorkerThread, source, 1024)
    const here = await prettyText(prettyOnThisThread, source, 1024)
    expect(inWorker.lines.join('\n')).toBe(formatJson(json))
    expect(inWorker.lines).toEqual(here.lines)
    expect([...inWorker.doc.foldEnds!]).toEqual([...here.doc.foldEnds!])
    expect([...inWorker.doc.parents!]).toEqual([...here.doc.parents!])
    expect(inWorker.progress.at(-1)).toBe(1)
    await inWorker.doc.text.dispose()
    await here.doc.text.dispose()
    await source.dispose()
    expect(readdirSync(dir)).toEqual([])
  })

  it('reads a body held in memory and reports invalid JSON with its position', async () => {
    const ok = await prettyText(inWorkerThread, new MemorySource(Buffer.from('[1,2]')), 1e6)
    expect(ok.lines).toEqual(['[', '  1,', '  2', ']'])
    const bad = await inWorkerThread(new MemorySource(Buffer.from('{"a" 1}')), {
      dir,
      memoryLimit: 1e6,
      decoder: utf8,
    })
    expect(bad).toEqual({ ok: false, error: { line: 1, column: 6, reason: 'expected a colon' } })
    // Both ran in the worker: none fell back to this thread.
    expect(fallbacks).toEqual([])
  })

  it('stops its worker on close, dropping the work in hand', async () => {
    const runner = prettyInWorkerThread((reason) => fallbacks.push(reason))
    const job = runner(new MemorySource(Buffer.from(json)), {
      dir,
      memoryLimit: 1e6,
      decoder: utf8,
    })
    // Expected before closing: the rejection comes while close() runs.
    const stopped = expect(job).rejects.toThrow('Pretty-printing was stopped.')
    await runner.close()
    await stopped
    expect(fallbacks).toEqual([])
  })
})
