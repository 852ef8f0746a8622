import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../electron/core/history/historyStore'
import { MemorySecretStore } from '../../electron/core/secrets/memorySecretStore'
import { openConfStore } from '../../electron/core/storage/openConfStore'
import { WorkspaceService } from '../../electron/core/workspace/workspaceService'
import { EnvironmentSchema, SavedRequestSchema } from '../../shared/model/workspace'
import { startHttpbin, type RunningServer } from '../servers'
import { runCourier, tempDir } from './runCourier'

const APP_ONLY_TOKEN = 'kept-by-the-app-only'
let httpbin: RunningServer
let dataDir: string
let workspaceDir: string

/** Runs the real `courier` binary on the test's data directory, with only the given COURIER_VAR_*. */
const courier = (args: string[], vars: Record<string, string> = {}) =>
  runCourier(args, { dataDir, vars })

/** `courier send "Users/Update user"` from the test workspace in the given environment. */
const sendUpdateUser = (env: string, extra: string[] = [], vars: Record<string, string> = {}) =>
  courier(['send', 'Users/Update user', '--workspace', workspaceDir, '--env', env, ...extra], vars)

/** The request httpbin saw, from `--output json`. */
function echoOf(stdout: string) {
  const out = JSON.parse(stdout) as { status: number; body: string }
  expect(out.status).toBe(200)
  return JSON.parse(out.body) as {
    json: unknown
    headers: Record<string, string>
    args: Record<string, string>
  }
}

/**
 * A workspace as the app writes it: the workspace authenticates with Bearer {{token}}
 * (a secret of the environment), the folder "Users" adds X-Team: qa and a {{name}}
 * variable, and "Update user" PUTs {"name": "{{name}}"} to {{base_url}}/put.
 */
async function createWorkspace(): Promise<void> {
  const workspace = new WorkspaceService({
    dataDir,
    store: openConfStore(dataDir),
    secrets: new MemorySecretStore(null),
    watch: false,
  })
  try {
    await workspace.create(workspaceDir, 'API tests')
    await workspace.saveDefaults('', {
      headers: [],
      auth: { type: 'bearer', token: '{{token}}' },
      variables: [],
    })
    const users = await workspace.createFolder('', 'Users')
    await workspace.saveDefaults(users, {
      headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
      auth: { type: 'inherit' },
      variables: [{ name: 'name', value: 'Jane Doe', enabled: true, secret: false }],
    })
    await workspace.saveRequest(
      null,
      users,
      SavedRequestSchema.parse({
        name: 'Update user',
        method: 'PUT',
        url: '{{base_url}}/put',
        body: { type: 'json', text: '{"name": "{{name}}"}' },
        auth: { type: 'inherit' },
      }),
    )
    for (const name of ['staging', 'production']) {
      await workspace.saveEnvironment(
        null,
        EnvironmentSchema.parse({
          name,
          variables: [
            { name: 'base_url', value: httpbin.url },
            { name: 'token', value: APP_ONLY_TOKEN, secret: true },
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
  dataDir = tempDir('courier-cli-data-')
  workspaceDir = join(tempDir('courier-cli-ws-'), 'api-tests')
  await createWorkspace()
})
afterAll(() => httpbin.close())

describe('courier send "Folder/Request"', () => {
  it('sends a saved request with inherited headers and auth, environment and secret values', async () => {
    const r = await sendUpdateUser('staging', ['--output', 'json'], { token: 'cli-token' })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const echo = echoOf(r.stdout)
    expect(echo.json).toEqual({ name: 'Jane Doe' })
    expect(echo.headers['X-Team']).toBe('qa')
    expect(echo.headers.Authorization).toBe('Bearer cli-token')
  })

  it("defaults to the app's last opened workspace and its active environment", async () => {
    const appState = readFileSync(join(dataDir, 'config.json'), 'utf8')
    const r = await courier(['send', 'Users/Update user', '--output', 'json'], {
      token: 'cli-token',
    })
    expect(r.code).toBe(0)
    // The command line reads the app's state and never changes it.
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(appState)
    const echo = echoOf(r.stdout)
    expect(echo.json).toEqual({ name: 'Jane Doe' })
    expect(echo.headers.Authorization).toBe('Bearer cli-token')
  })

  it('takes secrets from a --secrets file and lets flags extend the saved request', async () => {
    const secrets = join(tempDir('courier-cli-secrets-'), 'secrets.json')
    writeFileSync(secrets, JSON.stringify({ token: 'file-token', name: 'From File' }))
    const r = await sendUpdateUser(
      'staging',
      [
        '--secrets',
        secrets,
        '-H',
        'x-team: dev',
        '--query',
        'trace=42',
        '--var',
        'name=From Var',
        '--output',
        'json',
      ],
      {},
    )
    expect(r.code).toBe(0)
    const echo = echoOf(r.stdout)
    expect(echo.headers.Authorization).toBe('Bearer file-token')
    expect(echo.headers['X-Team']).toBe('dev')
    expect(echo.args).toEqual({ trace: '42' })
    expect(echo.json).toEqual({ name: 'From Var' })
  })

  it('says how to supply a secret the command line cannot read', async () => {
    const r = await sendUpdateUser('staging')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('{{token}}')
    expect(r.stderr).toContain('COURIER_VAR_token')
    expect(r.stderr).not.toContain(APP_ONLY_TOKEN)
  })

  it('exits 2 listing the environments when --env names none of them', async () => {
    const r = await sendUpdateUser('prod', [], { token: 't' })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/No environment "prod"/)
    expect(r.stderr).toContain('"production"')
    expect(r.stderr).toContain('"staging"')
  })

  it('exits 2 naming an unknown request path, with close matches', async () => {
    const r = await courier(
      ['send', 'Users/update user', '--workspace', workspaceDir, '--env', 'staging'],
      { token: 't' },
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/No saved request "Users\/update user"/)
    expect(r.stderr).toContain('"Users/Update user"')
  })

  it('exits 2 with the secrets file and its problem when it is not valid JSON', async () => {
    const bad = join(tempDir('courier-cli-secrets-'), 'bad.json')
    writeFileSync(bad, '{"token": ')
    const r = await courier([
      'send',
      'Users/Update user',
      '--workspace',
      workspaceDir,
      '--secrets',
      bad,
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(bad)
    expect(r.stderr).toMatch(/not valid JSON/)
  })
})

describe('courier send METHOD URL with external values', () => {
  it('resolves {{variables}} from COURIER_VAR_*, under an explicit --var', async () => {
    const r = await courier(
      [
        'send',
        'GET',
        '{{base}}/get',
        '--query',
        'who={{who}}',
        '--var',
        'who=var',
        '--output',
        'json',
      ],
      { base: httpbin.url, who: 'env' },
    )
    expect(r.code).toBe(0)
    expect(echoOf(r.stdout).args).toEqual({ who: 'var' })
  })

  it('refuses --env without a saved request', async () => {
    const r = await courier(['send', 'GET', `${httpbin.url}/get`, '--env', 'staging'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--workspace and --env apply to a saved request/)
  })
})

describe('courier send and history', () => {
  const history = () => HistoryStore.open(dataDir, { notice: () => {} })

  it('adds the send to the history of the data directory, secrets masked', async () => {
    const r = await sendUpdateUser('production', [], { token: 'cli-SECRET-token-77' })
    expect(r.code).toBe(0)
    const store = history()
    try {
      const [latest] = store.list({ limit: 1 }).entries
      expect(latest).toMatchObject({
        source: 'cli',
        method: 'PUT',
        status: 200,
        workspaceName: 'API tests',
        environment: 'production',
        requestPath: 'Users/Update user.request.json',
      })
      expect(latest!.workspace).toContain('api-tests')
      const entry = store.get(latest!.id)
      // httpbin echoes the request: the token would be in the body too.
      expect(entry.response?.body).toContain('Bearer {{token}}')
      expect(JSON.stringify(entry)).not.toContain('cli-SECRET-token-77')
      expect(store.list({ text: 'SECRET' }).entries).toEqual([])
    } finally {
      store.close()
    }
  })

  it('leaves history alone with --no-history', async () => {
    const count = () => {
      const store = history()
      try {
        return store.list({ limit: 500 }).entries.length
      } finally {
        store.close()
      }
    }
    const before = count()
    const r = await courier(['send', 'GET', `${httpbin.url}/get`, '--no-history'])
    expect(r.code).toBe(0)
    expect(count()).toBe(before)
    expect((await courier(['send', 'GET', `${httpbin.url}/get`])).code).toBe(0)
    expect(count()).toBe(before + 1)
  })

  it('prints the response and exits 0 when the history cannot be written, saying so on stderr', async () => {
    const elsewhere = tempDir('courier-cli-unwritable-')
    // A folder where the database file should be: SQLite cannot open it.
    mkdirSync(join(elsewhere, 'history.db'))
    const r = await runCourier(['send', 'GET', `${httpbin.url}/get`, '--output', 'json'], {
      dataDir: elsewhere,
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).status).toBe(200)
    expect(r.stderr).toMatch(/^Note: This send was not added to the history: /m)
  })
})
