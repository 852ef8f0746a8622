import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, type RunningServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

let httpbin: RunningServer
let dir: string

beforeAll(async () => {
  httpbin = await startHttpbin()
  dir = tempDir('courier-cli-run-files-')
})
afterAll(() => httpbin?.close())

/** A collection whose one request POSTs the file `src` as its body, testing what httpbin got. */
function collectionSending(src: string): string {
  const path = join(dir, `collection-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(
    path,
    JSON.stringify({
      info: {
        name: 'Files',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Upload',
          request: {
            method: 'POST',
            url: `${httpbin.url}/post`,
            body: { mode: 'file', file: { src } },
          },
          event: [
            {
              listen: 'test',
              script: {
                exec: ["pm.test('sent', () => pm.expect(pm.response.json().data).to.eql('hello'))"],
              },
            },
          ],
        },
      ],
    }),
  )
  return path
}

describe('courier run --working-dir', () => {
  it('a relative file of a request is read from the working directory', async () => {
    const work = join(dir, 'work')
    mkdirSync(join(work, 'files'), { recursive: true })
    writeFileSync(join(work, 'files', 'payload.txt'), 'hello')
    const run = await runCourier(
      [
        'run',
        collectionSending('files/payload.txt'),
        '--working-dir',
        work,
        '--allow-file',
        join(work, 'files', 'payload.txt'),
        '--color',
        'off',
      ],
      { dataDir: join(dir, 'data') },
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('✓  sent')
  })

  it('a file outside it is refused before anything is sent, saying what to do', async () => {
    const run = await runCourier(
      ['run', collectionSending('../../etc/hostname'), '--working-dir', join(dir, 'work')],
      { dataDir: join(dir, 'data') },
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      '"Upload" sends the file "../../etc/hostname", which is outside the working directory',
    )
    expect(run.stderr).toContain('--working-dir')
    expect(run.stdout).toBe('')
  })
})
