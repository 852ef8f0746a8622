import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MemorySource, type ByteSource } from '../../../electron/core/bodies/byteSource'
import { filterJson } from '../../../electron/core/bodies/jsonPathFilter'
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
const inWorkerThread = prettyInWorkerThread({ onFallback: (reason) => fallbacks.push(reason) })

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

  it('filters with JSONPath in the worker as on this thread, errors included', async () => {
    const source = new MemorySource(Buffer.from(json))
    const expression = '$.items[?(@.id < 3)].name'
    const there = await inWorkerThread.filter!(source, expression, { dir, memoryLimit: 1e6 })
    const here = await filterJson(source, expression, new SpoolWriter(dir, 1e6))
    expect(there.count).toBe(3)
    const textOf = (s: ByteSource) => s.read(0, s.size).then(utf8)
    expect(JSON.parse(await textOf(there.text))).toEqual(['n0', 'n1', 'n2'])
    expect(await textOf(there.text)).toBe(await textOf(here.text))
    await expect(
      inWorkerThread.filter!(source, 'items[0]', { dir, memoryLimit: 1e6 }),
    ).rejects.toThrow('The JSONPath expression "items[0]" must start with $')
    expect(fallbacks).toEqual([])
  })

  it('stops its worker on close, dropping the work in hand', async () => {
    const runner = prettyInWorkerThread({ onFallback: (reason) => fallbacks.push(reason) })
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

describe('pretty-printing a body as it arrives', () => {
  const feedDir = mkdtempSync(join(tmpdir(), 'courier-pretty-feed-'))
  afterAll(() => rmSync(feedDir, { recursive: true, force: true }))
  const feedFallbacks: string[] = []
  const onFallback = (reason: string) => feedFallbacks.push(reason)
  const runners: PrettyRunner[] = []
  afterAll(() => Promise.all(runners.map((r) => r.close())))
  const runner = (limits: { batchBytes: number; maxBehindBytes: number }) => {
    const made = prettyInWorkerThread({ onFallback, limits })
    runners.push(made)
    return made
  }

  /** Feeds a body in 64 KB pieces, as a response arrives, then ends it with the finished body. */
  async function feedBody(run: PrettyRunner, text: string, memoryLimit = 1e8) {
    const bytes = Buffer.from(text)
    const feed = run.feed!({ dir: feedDir, memoryLimit })
    for (let at = 0; at < bytes.length; at += 65_536) feed.write(bytes.subarray(at, at + 65_536))
    const progress: number[] = []
    const source = new MemorySource(bytes)
    const result = await feed.end(source, { decoder: utf8, onProgress: (d) => progress.push(d) })
    return { result, progress }
  }

  it('formats the bytes fed to it in batches as it would the whole body', async () => {
    const { result, progress } = await feedBody(
      runner({ batchBytes: 100_000, maxBehindBytes: Infinity }),
      json,
      1024,
    )
    if (!result.ok) throw new Error(result.error.reason)
    expect((await readLines(result.doc, 0, result.doc.lineCount)).join('\n')).toBe(formatJson(json))
    expect(progress.at(-1)).toBe(1)
    await result.doc.text.dispose()
    expect(readdirSync(feedDir)).toEqual([])
    // Kept in memory this time: the text moves over from the worker, not copied.
    const inMemory = await feedBody(runner({ batchBytes: 100_000, maxBehindBytes: Infinity }), json)
    if (!inMemory.result.ok) throw new Error(inMemory.result.error.reason)
    const { doc } = inMemory.result
    expect(doc.text).toBeInstanceOf(MemorySource)
    expect((await readLines(doc, 0, doc.lineCount)).join('\n')).toBe(formatJson(json))
    expect(feedFallbacks).toEqual([])
  })

  it('reads the rest from the finished body once the worker falls behind', async () => {
    // Nothing may be queued ahead of the worker: the first batch goes, the rest is read.
    const { result } = await feedBody(runner({ batchBytes: 100_000, maxBehindBytes: 0 }), json)
    if (!result.ok) throw new Error(result.error.reason)
    expect((await readLines(result.doc, 0, result.doc.lineCount)).join('\n')).toBe(formatJson(json))
    await result.doc.text.dispose()
  })

  it('says where fed JSON is invalid as the whole body would', async () => {
    const broken = `${json.slice(0, 300_000)}}${json.slice(300_000)}`
    const fed = await feedBody(runner({ batchBytes: 100_000, maxBehindBytes: Infinity }), broken)
    const whole = await inWorkerThread(new MemorySource(Buffer.from(broken)), {
      dir: feedDir,
      memoryLimit: 1e6,
      decoder: utf8,
    })
    expect(whole.ok).toBe(false)
    expect(fed.result).toEqual(whole)
  })

  it('formats a body too small to have been sent as it ends', async () => {
    const { result } = await feedBody(
      runner({ batchBytes: 1e6, maxBehindBytes: Infinity }),
      '{"a":[1]}',
    )
    if (!result.ok) throw new Error(result.error.reason)
    expect(await readLines(result.doc, 0, result.doc.lineCount)).toEqual([
      '{',
      '  "a": [',
      '    1',
      '  ]',
      '}',
    ])
  })

  it('rejects a fed job whose output cannot be written, naming why', async () => {
    const run = runner({ batchBytes: 100_000, maxBehindBytes: Infinity })
    // Output spools at once into a folder that is not there: the worker fails mid-feed.
    const feed = run.feed!({ dir: join(feedDir, 'gone'), memoryLimit: 16 })
    const bytes = Buffer.from(json)
    for (let at = 0; at < bytes.length; at += 65_536) feed.write(bytes.subarray(at, at + 65_536))
    const ended = feed.end(new MemorySource(bytes), { decoder: utf8 })
    await expect(ended).rejects.toThrow(/no such file or directory/)
  })

  it('drops a cancelled job, its spooled output included, and goes on with the next', async () => {
    const run = runner({ batchBytes: 100_000, maxBehindBytes: Infinity })
    const feed = run.feed!({ dir: feedDir, memoryLimit: 1024 })
    const bytes = Buffer.from(json)
    for (let at = 0; at < bytes.length / 2; at += 65_536)
      feed.write(bytes.subarray(at, at + 65_536))
    feed.cancel()
    const next = await feedBody(run, '[true]')
    expect(next.result.ok).toBe(true)
    await expect.poll(() => readdirSync(feedDir)).toEqual([])
  })
})
