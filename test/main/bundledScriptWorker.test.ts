import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createScriptRunner } from '../../electron/core/scripts/scriptRunner'

// The Electron main bundle runs scripts in its own bundled copy of scriptWorker.ts
// (electron-vite's `?modulePath`), and so do the built web host and CLI (out/node).
// Electron cannot run here, but each is a plain Node worker: started as the app starts it.
function bundled(dir: string, pattern: RegExp): string {
  const full = resolve(dir)
  if (!existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first.`)
  const name = readdirSync(full).find((f) => pattern.test(f))
  if (!name) throw new Error(`No script worker in ${full}: is it still bundled?`)
  return join(full, name)
}

const runners = [
  ['Electron main bundle', bundled('out/main/chunks', /^scriptWorker-.*\.js$/)],
  ['out/node (web host and CLI)', bundled('out/node', /^scriptWorker\.js$/)],
].map(([name, entry]) => [name, createScriptRunner({ entry })] as const)
afterAll(() => Promise.all(runners.map(([, runner]) => runner.close())))

describe('the bundled script workers', () => {
  it.each(runners)('%s runs a Postman test with chai in QuickJS', async (_name, runner) => {
    const result = await runner.run({
      event: 'test',
      scripts: [
        {
          name: 'request Bundled',
          source: `pm.test('status', () => pm.response.to.have.status(200))
                   pm.test('chai', () => pm.expect(pm.response.json()).to.have.property('ok', true))`,
        },
      ],
      request: { name: 'Bundled', url: 'http://h/', method: 'GET', headers: [], body: null },
      response: {
        code: 200,
        status: 'OK',
        headers: [['Content-Type', 'application/json']],
        body: '{"ok":true}',
        responseTime: 1,
        size: 11,
      },
      variables: { local: {}, iterationData: {}, environment: {}, collection: {}, globals: {} },
      info: { requestName: 'Bundled', iteration: 0, eventName: 'test' },
    })
    expect(result.error).toBeUndefined()
    expect(result.tests).toEqual([
      { name: 'status', passed: true },
      { name: 'chai', passed: true },
    ])
  })
})
