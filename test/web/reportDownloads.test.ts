import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReportDownloads } from '../../electron/web/reportDownloads'

const dir = join(mkdtempSync(join(tmpdir(), 'courier-reports-')), 'reports')
const reports = createReportDownloads(dir)
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!reports.handle(req, res)) res.writeHead(418).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await reports.close()
})

describe('run reports offered as downloads (browser mode)', () => {
  it('serves a written report once under its name, then deletes it', async () => {
    const saved = await reports.save('Users API.xml', async (path) =>
      writeFileSync(path, '<testsuites/>'),
    )
    if (saved.outcome !== 'download') throw new Error(`expected a download, got ${saved.outcome}`)
    expect(saved.url).toMatch(/^\/report\/[\w-]{20,}$/)
    const first = await fetch(base + saved.url)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-disposition')).toContain('filename="Users API.xml"')
    expect(await first.text()).toBe('<testsuites/>')
    await expect.poll(() => readdirSync(dir).length).toBe(0)
    expect((await fetch(base + saved.url)).status).toBe(404)
    expect((await fetch(`${base}/elsewhere`)).status).toBe(418)
  })

  it('leaves no file behind when the report cannot be written', async () => {
    await expect(
      reports.save('broken.json', async (path) => {
        writeFileSync(path, '{')
        throw new Error('the disk is full')
      }),
    ).rejects.toThrow('the disk is full')
    expect(readdirSync(dir)).toEqual([])
    await reports.close()
    expect(existsSync(dir)).toBe(false)
  })
})
