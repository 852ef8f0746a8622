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

const courier = (args: string[]) => runCourier(args, { dataDir })
const send = (request: string, extra: string[] = []) =>
  courier(['send', request, '--workspace', workspaceDir, ...extra])

/**
 * A workspace whose every request checks `status < 500` (a workspace assertion), with
 * "Checks/Passing" asserting what httpbin's /get answers and "Checks/Failing" expecting a
 * header httpbin does not send.
 */
async function createWorkspace(): Promise<void> {
  const workspace = new WorkspaceService({
    dataDir,
    store: openConfStore(dataDir),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
  try {
    await workspace.create(workspaceDir, 'Checked')
    await workspace.saveDefaults('', {
      headers: [],
      auth: { type: 'none' },
      variables: [{ name: 'base', value: httpbin.url, enabled: true, secret: false }],
      assertions: [
        { enabled: true, target: 'status', path: '', operator: 'lessThan', expected: '500' },
      ],
    })
    const folder = await workspace.createFolder('', 'Checks')
    const request = (name: string, assertions: unknown[]) =>
      SavedRequestSchema.parse({ name, method: 'GET', url: '{{base}}/get?who=ada', assertions })
    await workspace.saveRequest(
      null,
      folder,
      request('Passing', [
        { target: 'status', operator: 'equals', expected: '200' },
        { target: 'jsonPath', path: '$.args.who', operator: 'equals', expected: 'ada' },
      ]),
    )
    await workspace.saveRequest(
      null,
      folder,
      request('Failing', [
        { target: 'header', path: 'X-Missing', operator: 'exists' },
        { target: 'status', operator: 'equals', expected: '200' },
      ]),
    )
    await workspace.saveRequest(
      null,
      folder,
      SavedRequestSchema.parse({
        name: 'Scripted',
        method: 'GET',
        url: '{{base}}/anything/{{id}}',
        scripts: {
          preRequest: [
            'pm.variables.set("id", "42")',
            'console.log("id set")',
            'console.log("in " + pm.environment.name)',
            'console.log("at " + JSON.stringify(pm.execution.location) + " " + pm.execution.location.current)',
          ].join('\n'),
          postResponse: [
            'pm.test("Status code is 200", function () {',
            '  pm.response.to.have.status(200);',
            '});',
            'pm.test("echoes the id", () => pm.expect(pm.response.json().url).to.match(/anything\\/42$/));',
          ].join('\n'),
        },
      }),
    )
    await workspace.saveRequest(
      null,
      folder,
      SavedRequestSchema.parse({
        name: 'Broken script',
        method: 'GET',
        url: '{{base}}/get',
        scripts: { preRequest: 'const a = 1\nnotDefined()', postResponse: '' },
      }),
    )
    await workspace.saveEnvironment(
      null,
      EnvironmentSchema.parse({ name: 'staging', variables: [] }),
    )
    await workspace.setActiveEnvironment('staging')
  } finally {
    await workspace.close()
  }
}

beforeAll(async () => {
  httpbin = await startHttpbin()
  dataDir = tempDir('courier-cli-checks-data-')
  workspaceDir = join(tempDir('courier-cli-checks-ws-'), 'ws')
  await createWorkspace()
})
afterAll(async () => {
  await httpbin?.close()
})

describe('courier send with assertions', () => {
  it('lists every test, the workspace rows first, and exits 0 when all pass', async () => {
    const run = await send('Checks/Passing')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('✓ status < 500')
    expect(run.stderr).toContain('✓ status equals 200')
    expect(run.stderr).toContain('✓ jsonPath $.args.who equals ada')
    expect(run.stderr).toContain('Tests: 3/3 passed')
    expect(run.stderr.indexOf('status < 500')).toBeLessThan(run.stderr.indexOf('status equals'))
  })

  it('exits 1 when one fails, saying why', async () => {
    const run = await send('Checks/Failing')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('✗ header X-Missing exists: it is missing')
    expect(run.stderr).toContain('Tests: 2/3 passed')
  })

  it('adds the tests and the console to --output json', async () => {
    const run = await send('Checks/Failing', ['--output', 'json'])
    expect(run.code).toBe(1)
    const out = JSON.parse(run.stdout) as { status: number; tests: unknown[]; console: unknown[] }
    expect(out.status).toBe(200)
    expect(out.tests).toEqual([
      { name: 'status < 500', passed: true },
      { name: 'header X-Missing exists', passed: false, error: 'it is missing' },
      { name: 'status equals 200', passed: true },
    ])
    expect(out.console).toEqual([])
  })

  it('keeps the results in the history, where failed sends can be found', async () => {
    const history = HistoryStore.open(dataDir, { notice: () => {} })
    try {
      const failed = history.list({ failedTests: true }).entries
      expect(failed.length).toBeGreaterThan(0)
      expect(failed.every((e) => e.requestPath === 'Checks/Failing.request.json')).toBe(true)
      expect(history.get(failed[0]!.id).checks?.tests).toHaveLength(3)
    } finally {
      history.close()
    }
  })

  it('keeps --fail for a 4xx/5xx, apart from the tests', async () => {
    const run = await courier(['send', 'GET', `${httpbin.url}/status/404`, '--fail'])
    expect(run.code).toBe(1)
    expect(run.stderr).not.toContain('Tests:')
  })

  describe('courier send with scripts', () => {
    it('runs the pre-request and test scripts in the sandbox and lists their tests', async () => {
      const run = await send('Checks/Scripted')
      expect(run.code).toBe(0)
      expect(run.stderr).toContain('console.log: id set')
      // pm.environment.name: the workspace's active environment.
      expect(run.stderr).toContain('console.log: in staging')
      // pm.execution.location: the workspace, the folder and the request.
      expect(run.stderr).toContain('console.log: at ["Checked","Checks","Scripted"] Scripted')
      expect(run.stderr).toContain('✓ Status code is 200')
      expect(run.stderr).toContain('✓ echoes the id')
      expect(run.stdout).toContain('/anything/42')
    })

    it('exits 1 on a script error, naming the script and the line, and sends nothing', async () => {
      const run = await send('Checks/Broken script')
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/Script error in request Broken script \(pre-request\) at line 2/)
      expect(run.stderr).toContain('notDefined')
      expect(run.stdout).toBe('')
    })
  })
})
