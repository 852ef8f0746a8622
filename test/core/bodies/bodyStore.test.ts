import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { BodyStore } from '../../../electron/core/bodies/bodyStore'
import { MemorySource } from '../../../electron/core/bodies/byteSource'

const root = mkdtempSync(join(tmpdir(), 'courier-body-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function storeIn(name: string, maxBodies = 40) {
  // Tiny memory limit: every view is spooled to a file, so clean-up is visible.
  return new BodyStore({ dir: join(root, name), memoryLimit: 8, maxBodies })
}

const json = JSON.stringify({
  items: [
    { name: 'a', price: 5 },
    { name: 'b', price: 20 },
  ],
})

describe('the body store', () => {
  it('serves raw and pretty lines, fold ends, search, paths and filters of a kept body', async () => {
    const store = storeIn('views')
    const id = store.keep(new MemorySource(Buffer.from(json)), 'utf-8')
    expect(await store.open(id, 'raw')).toEqual({
      ok: true,
      lineCount: 1,
      size: json.length,
      first: { lines: [json], foldEnds: [-1] },
    })
    const pretty = await store.open(id, 'pretty')
    expect(pretty).toMatchObject({ ok: true, lineCount: 12 })
    // The first page comes with the open: all 12 lines here.
    expect(pretty.ok && pretty.first.lines).toHaveLength(12)
    const { lines, foldEnds } = await store.lines(id, 'pretty', 0, 4)
    expect(lines).toEqual(['{', '  "items": [', '    {', '      "name": "a",'])
    expect(foldEnds).toEqual([11, 10, 5, -1])
    const found = await store.search(id, 'pretty', 'PRICE', false)
    expect(found.total).toBe(2)
    expect(found.matches[0]).toEqual({ line: 4, column: 7, length: 5 })
    expect(await store.path(id, 7)).toBe('$.items[1].name')
    const filtered = await store.filter(id, '$.items[?(@.price > 10)].name')
    expect(filtered).toMatchObject({ count: 1, complete: true })
    expect(JSON.parse(filtered.preview)).toEqual(['b'])
    await store.close()
  })

  it('reports invalid JSON with its position instead of a pretty view', async () => {
    const store = storeIn('invalid')
    const id = store.keep(new MemorySource(Buffer.from('{"a": 1,\n "b": }')), 'utf-8')
    expect(await store.open(id, 'pretty')).toEqual({
      ok: false,
      error: { line: 2, column: 7, reason: 'expected a value' },
    })
    await store.close()
  })

  it('deletes every file of a released body, its views and its filter results', async () => {
    const store = storeIn('release')
    const id = store.keep(new MemorySource(Buffer.from(json)), 'utf-8')
    await store.open(id, 'pretty')
    const filtered = await store.filter(id, '$..name')
    expect(readdirSync(join(root, 'release')).length).toBe(2)
    expect(await store.release(id)).toBe(true)
    expect(readdirSync(join(root, 'release'))).toEqual([])
    expect(store.has(filtered.bodyId)).toBe(false)
    await expect(store.lines(id, 'raw', 0, 1)).rejects.toThrow(
      /no longer kept.*Send the request again/,
    )
    await store.close()
  })

  it('drops the least recently used bodies beyond its limit', async () => {
    const store = storeIn('evict', 2)
    const a = store.keep(new MemorySource(Buffer.from('a')), 'utf-8')
    const b = store.keep(new MemorySource(Buffer.from('b')), 'utf-8')
    await store.lines(a, 'raw', 0, 1) // a is used, so b is now the oldest
    const c = store.keep(new MemorySource(Buffer.from('c')), 'utf-8')
    expect([store.has(a), store.has(b), store.has(c)]).toEqual([true, false, true])
    await store.close()
  })

  it('counts the pretty view a body built in its byte limit', async () => {
    const body = Buffer.from(json)
    // Room for two bodies, not for two bodies and a pretty view (~1.7x a body).
    const store = new BodyStore({
      dir: join(root, 'evict-views'),
      maxBytes: 2 * body.length + 100,
    })
    const a = store.keep(new MemorySource(body), 'utf-8')
    const b = store.keep(new MemorySource(body), 'utf-8')
    expect([store.has(a), store.has(b)]).toEqual([true, true])
    await store.open(b, 'pretty')
    // a is now the least recently used, and the bytes kept are over the limit.
    expect([store.has(a), store.has(b)]).toEqual([false, true])
    await store.close()
  })

  it('prepares JSON its viewer opens formatted at once, without waiting for a first screen', async () => {
    const store = storeIn('pretty-first')
    // Only setTimeout is frozen: the 1 s fallback for work held until a first screen
    // never fires, so only work started at once can finish.
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      const id = store.keep(new MemorySource(Buffer.from(json)), 'utf-8')
      await new Promise<void>((resolve) =>
        store.prepare(id, { pretty: true, onProgress: (done) => done === 1 && resolve() }),
      )
      const { lines } = await store.lines(id, 'pretty', 0, 2)
      expect(lines).toEqual(['{', '  "items": ['])
    } finally {
      vi.useRealTimers()
      await store.close()
    }
  })

  it('decodes lines in the charset the body declared', async () => {
    const store = storeIn('charset')
    const id = store.keep(new MemorySource(Buffer.from([0x63, 0x61, 0x66, 0xe9])), 'iso-8859-1')
    await store.open(id, 'raw')
    expect((await store.lines(id, 'raw', 0, 1)).lines).toEqual(['café'])
    await store.close()
  })
})
