import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BodyStore } from '../../../electron/core/bodies/bodyStore'
import {
  prettyInWorkerThread,
  type PrettyRunner,
} from '../../../electron/core/bodies/prettyInWorker'
import { HttpEngine, INLINE_BODY_BYTES, PREVIEW_BYTES } from '../../../electron/core/http/engine'
import type { ResponseRecord } from '../../../shared/model/response'
import type { RunningServer } from '../../servers/listen'
import { startBigJsonServer } from '../../servers/bigJsonServer'
import { hugeBodyChunk, startCompressedServer, startHugeBodyServer } from '../../servers'
import { spec } from './spec'

const root = mkdtempSync(join(tmpdir(), 'courier-big-bodies-'))
const bodiesDir = join(root, 'bodies')
// A small memory limit, so anything over 1 MB goes through the temp-file path.
const bodies = new BodyStore({ dir: bodiesDir, memoryLimit: 1024 * 1024 })
const engine = new HttpEngine({ bodies, maxReceiveBytes: 200 * 1024 * 1024 })
let huge: RunningServer
let compressed: RunningServer
let json: RunningServer

beforeAll(async () => {
  ;[huge, compressed, json] = await Promise.all([
    startHugeBodyServer(),
    startCompressedServer(),
    startBigJsonServer(3_000_000),
  ])
})
afterAll(async () => {
  engine.close()
  await bodies.close()
  await Promise.all([huge.close(), compressed.close(), json.close()])
  rmSync(root, { recursive: true, force: true })
})

async function receive(over: Parameters<typeof spec>[0]): Promise<ResponseRecord> {
  const result = await engine.send({ spec: spec(over) })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.response
}

/** sha256 of what /bytes/N sends. */
function expectedHash(size: number): string {
  const hash = createHash('sha256')
  for (let left = size; left > 0; left -= hugeBodyChunk.length)
    hash.update(hugeBodyChunk.subarray(0, Math.min(left, hugeBodyChunk.length)))
  return hash.digest('hex')
}

describe('bodies of any size', () => {
  it('keeps a 150 MB body over the 100 MB limit on disk, marks it, and saves it byte for byte', async () => {
    const size = 150 * 1024 * 1024
    const r = await receive({ url: `${huge.url}/bytes/${size}` })
    expect(r).toMatchObject({ status: 200, overLimit: true, bodyComplete: false })
    expect(r.sizes.body).toBe(size)
    expect(r.bodyEncoding).toBe('base64')
    expect(Buffer.from(r.body, 'base64')).toEqual(hugeBodyChunk.subarray(0, PREVIEW_BYTES))
    // Spooled: the body is a file in the store's directory, not in memory.
    expect(readdirSync(bodiesDir).length).toBeGreaterThan(0)
    const target = join(root, 'saved.bin')
    await bodies.saveTo(r.bodyId!, target)
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(expectedHash(size))
    expect(await bodies.release(r.bodyId!)).toBe(true)
    expect(readdirSync(bodiesDir)).toEqual([])
  })

  it('marks a body over a smaller limit but keeps it whole', async () => {
    const r = await receive({
      url: `${huge.url}/bytes/${2 * 1024 * 1024}`,
      settings: { maxResponseBytes: 1024 * 1024 },
    })
    expect(r.overLimit).toBe(true)
    expect(bodies.size(r.bodyId!)).toBe(2 * 1024 * 1024)
  })

  it('inflates a small compressed body past the limit, measuring both sizes', async () => {
    const r = await receive({
      url: `${compressed.url}/bomb/${3 * 1024 * 1024}`,
      settings: { maxResponseBytes: 1024 * 1024 },
    })
    expect(r.overLimit).toBe(true)
    expect(r.sizes.body).toBe(3 * 1024 * 1024)
    expect(r.sizes.encodedBody).toBeLessThan(20_000)
  })

  it('stops with TOO_LARGE past the receiving limit that protects the disk', async () => {
    const small = new HttpEngine({ bodies, maxReceiveBytes: 2 * 1024 * 1024 })
    try {
      const result = await small.send({
        spec: spec({ url: `${compressed.url}/bomb/${3 * 1024 * 1024}` }),
      })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('TOO_LARGE')
        expect(result.error.message).toMatch(/stopped receiving/)
        expect(result.error.hint).toMatch(/curl -o/)
      }
    } finally {
      small.close()
    }
  })

  it('sends a body up to 1 MB whole and a bigger one as a text preview', async () => {
    const small = await receive({ url: `${huge.url}/bytes/${INLINE_BODY_BYTES}` })
    expect(small).toMatchObject({ bodyComplete: true, overLimit: false })
    expect(Buffer.from(small.body, 'base64').length).toBe(INLINE_BODY_BYTES)

    const big = await receive({ url: `${json.url}/big` })
    expect(big).toMatchObject({ bodyComplete: false, bodyEncoding: 'utf8', overLimit: false })
    expect(big.body.startsWith('[{"id":0,')).toBe(true)
    expect(Buffer.byteLength(big.body)).toBeLessThanOrEqual(PREVIEW_BYTES)
    expect(Buffer.byteLength(big.body)).toBeGreaterThan(PREVIEW_BYTES - 4)
    const opened = await bodies.open(big.bodyId!, 'pretty')
    expect(opened.ok).toBe(true)
    const { lines } = await bodies.lines(big.bodyId!, 'pretty', 0, 3)
    expect(lines).toEqual(['[', '  {', '    "id": 0,'])
  })
})

describe('a body that cannot be kept', () => {
  it('says the temporary folder could not be written, not "unknown error"', async () => {
    const dir = join(root, 'gone')
    const store = new BodyStore({ dir, memoryLimit: 1024 })
    const broken = new HttpEngine({ bodies: store })
    rmSync(dir, { recursive: true, force: true })
    try {
      const result = await broken.send({ spec: spec({ url: `${huge.url}/bytes/100000` }) })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.message).toMatch(/could not write this response body.*ENOENT/)
        expect(result.error.hint).toMatch(/writable/)
      }
    } finally {
      broken.close()
      await store.close()
    }
  })
})

describe('a big JSON body where formatting runs in a worker', () => {
  // Counts the pretty views made by reading a whole kept body again.
  const worker = prettyInWorkerThread()
  let wholeBodyJobs = 0
  const counting: PrettyRunner = Object.assign(
    (...args: Parameters<PrettyRunner>) => {
      wholeBodyJobs++
      return worker(...args)
    },
    { offThread: true, feed: worker.feed, close: () => worker.close() },
  )
  const store = new BodyStore({ dir: join(root, 'fed'), pretty: counting })
  const fedEngine = new HttpEngine({ bodies: store })
  afterAll(async () => {
    fedEngine.close()
    await store.close()
  })

  async function receiveJson(maxResponseBytes?: number) {
    const url = `${json.url}/big`
    const request = maxResponseBytes ? spec({ url, settings: { maxResponseBytes } }) : spec({ url })
    const result = await fedEngine.send({ spec: request })
    if (!result.ok) throw new Error(result.error.message)
    wholeBodyJobs = 0
    return result.response.bodyId!
  }

  it('is formatted as it arrives: its pretty view is not made from the kept body', async () => {
    const bodyId = await receiveJson()
    expect(await store.open(bodyId, 'pretty')).toMatchObject({ ok: true })
    const { lines } = await store.lines(bodyId, 'pretty', 0, 3)
    expect(lines).toEqual(['[', '  {', '    "id": 0,'])
    expect(wholeBodyJobs).toBe(0)
  })

  it('is not formatted as it arrives when it is over the size shown', async () => {
    const bodyId = await receiveJson(1024 * 1024)
    expect(await store.open(bodyId, 'pretty')).toMatchObject({ ok: true })
    expect(wholeBodyJobs).toBe(1)
  })
})
