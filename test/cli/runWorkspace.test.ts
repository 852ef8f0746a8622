import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../electron/core/history/historyStore'
import { MemorySecretStore } from '../../electron/core/secrets/memorySecretStore'
import { openConfStore } from '../../electron/core/storage/openConfStore'
import { WorkspaceService } from '../../electron/core/workspace/workspaceService'
import { EnvironmentSchema, SavedRequestSchema } from '../../shared/model/workspace'
import { startHttpbin, type RunningServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

let httpbin: RunningServer
let dataDir: string
let workspaceDir: string
let reports = 0

/**
 * A workspace as the app writes it: "Users" (two requests, one with a test script) and
 * "Admin" (one), {{base_url}} from the environments, and {{token}} a secret of "staging"
 * sent as a query parameter by "Users/List".
 */
async function createWorkspace(): Promise<void> {
  const workspace = new WorkspaceService({
    dataDir,
    store: openConfStore(dataDir),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
  const save = (folder: string, name: string, url: string, test = '') =>
    workspace.saveRequest(
      null,
      folder,
      SavedRequestSchema.parse({
        name,
        method: 'GET',
        url,
        scripts: { preRequest: '', postResponse: test },
      }),
    )
  try {
    await workspace.create(workspaceDir, 'API tests')
    const users = await workspace.createFolder('', 'Users')
    const admin = await workspace.createFolder('', 'Admin')
    await save(
      users,
      'List',
      '{{base_url}}/get?token={{token}}',
      "pm.test('listed', () => pm.expect(pm.response.json().args.token).to.eql('s3cret'))",
    )
    await save(users, 'Missing', '{{base_url}}/status/404')
    await save(admin, 'Page', '{{base_url}}/get?admin=')
    for (const name of ['staging', 'production']) {
      await workspace.saveEnvironment(
        null,
        EnvironmentSchema.parse({
          name,
          variables: [
            { name: 'base_url', value: `${httpbin.url}${name === 'staging' ? '' : '/anything'}` },
            { name: 'token', value: 'kept-by-the-app', secret: true },
          ],
        }),
      )
    }
    await workspace.setActiveEnvironment('staging')
  } finally {
    await workspace.close()
  }
}

beforeAll(async () => {
  httpbin = await startHttpbin()
  dataDir = tempDir('courier-cli-run-data-')
  workspaceDir = join(tempDir('courier-cli-run-ws-'), 'api-tests')
  await createWorkspace()
})
afterAll(() => httpbin.close())

/** `courier run ARGS -r json`, the URLs it sent (without the server) and its exit code. */
async function run(args: string[], vars: Record<string, string> = {}) {
  const report = join(dataDir, `report-${++reports}.json`)
  const result = await runCourier(
    ['run', ...args, '-r', 'json', '--reporter-json-export', report],
    { dataDir, vars },
  )
  const sent = existsSync(report)
    ? (
        JSON.parse(readFileSync(report, 'utf8')) as {
          run: { executions: { request: { url: string } }[] }
        }
      ).run.executions.map((e) => e.request.url.replace(httpbin.url, ''))
    : null
  return { ...result, sent }
}

describe('courier run on a saved workspace', () => {
  it('a folder, by its path, in the environment given; a secret from COURIER_VAR_*, masked in reports', async () => {
    const r = await run(['Users', '--workspace', workspaceDir, '--env', 'staging'], {
      token: 's3cret',
    })
    expect(r.stderr).toBe('')
    // "listed" checks that httpbin got the token; a 404 with no test on it is no failure, as in newman.
    expect(r.code).toBe(0)
    expect(r.sent).toEqual(['/get?token={{token}}', '/status/404'])
  })

  it('the whole workspace in the environment active in the app, in the order of its tree', async () => {
    const r = await run([], { token: 's3cret' })
    expect(r.code).toBe(0)
    expect(r.sent).toEqual(['/get?admin=', '/get?token={{token}}', '/status/404'])
  })

  it('a secret nobody supplied fails its request as unresolved, and says how to give it', async () => {
    const r = await run(['Users', '--workspace', workspaceDir])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('{{token}}')
    expect(r.stderr).toContain('COURIER_VAR_token')
  })

  it('an unknown folder or environment exits 2 naming what there is', async () => {
    const folder = await run(['Customers', '--workspace', workspaceDir])
    expect(folder.code).toBe(2)
    expect(folder.stderr).toMatch(/No folder "Customers".*Users/)
    const env = await run(['Users', '--workspace', workspaceDir, '--env', 'qa'])
    expect(env.code).toBe(2)
    expect(env.stderr).toMatch(/No environment "qa".*staging, production|production, staging/)
  })
})

describe('courier run --history', () => {
  const entries = () => {
    const store = HistoryStore.open(dataDir, { notice: () => {} })
    try {
      return store.list({ limit: 500 }).entries.filter((e) => e.url.includes('/get?admin'))
    } finally {
      store.close()
    }
  }

  it('keeps the sends only when asked', async () => {
    const before = entries().length
    await run(['Admin', '--workspace', workspaceDir])
    expect(entries().length).toBe(before)
    await run(['Admin', '--workspace', workspaceDir, '--history'])
    expect(entries().length).toBe(before + 1)
  })

  it('keeps the run as a run with its sends', async () => {
    await run(['Admin', '--workspace', workspaceDir, '--history'])
    const store = HistoryStore.open(dataDir, { notice: () => {} })
    try {
      const [latest] = store.listRuns().runs
      expect(latest).toMatchObject({ name: 'Admin', source: 'cli', sends: 1, end: 'completed' })
      const sends = store.runEntries({ runId: latest!.runId }).entries
      expect(sends.map((e) => e.url)).toEqual([expect.stringContaining('/get?admin')])
      // Kept under the run, not loose in the unfiltered list.
      expect(store.list({ outsideRuns: true }).entries.map((e) => e.id)).not.toContain(sends[0]!.id)
    } finally {
      store.close()
    }
  })
})
