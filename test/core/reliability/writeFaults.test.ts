import type * as Fs from 'node:fs'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { asCallError } from '../../../electron/core/callFailure'
import { FILE_CONSENTS_FILE, FileConsentStore } from '../../../electron/core/files/fileConsentStore'
import { AppStateService } from '../../../electron/core/settings/appStateService'
import { openConfStore } from '../../../electron/core/storage/openConfStore'
import { initWorkspace } from '../../../electron/core/workspace/workspaceManifest'
import { EnvironmentSchema, InheritedDefaultsSchema } from '../../../shared/model/workspace'
import { APP_STATE_SCHEMA_VERSION } from '../../../shared/model/appState'
import { emptyRequest } from '../../../shared/model/request'
import { harness, request, tempDir } from '../workspace/helpers'

/**
 * Disk full, a read-only disk and a folder Courier may not write, injected at the fs
 * layer (the tests run as root, for whom chmod 0500 does not make a folder read-only):
 * the write under test fails with a clear error and the file it would replace stays
 * byte-identical, with no temporary file left behind.
 */
const fault = vi.hoisted(() => ({
  op: null as 'open' | 'write' | 'rename' | null,
  code: '',
  /** Only paths containing this fail (the write under test, not the ones before it). */
  match: '',
}))

function failIf(op: string, path: unknown) {
  if (fault.op === op && String(path).includes(fault.match))
    throw Object.assign(new Error(`${fault.code}: injected failure, ${op} '${String(path)}'`), {
      code: fault.code,
    })
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const open: typeof real.open = async (path, flags, mode) => {
    failIf('open', path)
    const handle = await real.open(path, flags, mode)
    if (fault.op !== 'write' || !String(path).includes(fault.match)) return handle
    // Half the bytes reach the disk, then it is full.
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile')
          return async (data: string) => {
            await target.writeFile(data.slice(0, data.length / 2))
            failIf('write', path)
          }
        const value = Reflect.get(target, key) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }
  const rename: typeof real.rename = async (from, to) => {
    failIf('rename', to)
    return real.rename(from, to)
  }
  const link: typeof real.link = async (from, to) => {
    failIf('rename', to)
    return real.link(from, to)
  }
  const mocked = { ...real, open, rename, link }
  return { ...mocked, default: mocked }
})

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>()
  const openSync = ((path: unknown, ...rest: unknown[]) => {
    failIf('open', path)
    return (real.openSync as (...a: unknown[]) => number)(path, ...rest)
  }) as typeof real.openSync
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (fault.op === 'write' && fault.match !== '') failIf('write', fault.match)
    return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest)
  }) as typeof real.writeSync
  const renameSync: typeof real.renameSync = (from, to) => {
    failIf('rename', to)
    real.renameSync(from, to)
  }
  const mocked = { ...real, openSync, writeSync, renameSync }
  return { ...mocked, default: mocked }
})

afterEach(() => {
  fault.op = null
  fault.match = ''
})

const FAULTS = [
  { op: 'write', code: 'ENOSPC', says: /the disk is full\. Free some space/ },
  { op: 'write', code: 'EDQUOT', says: /quota is used up/ },
  { op: 'open', code: 'EROFS', says: /the disk is read-only/ },
  { op: 'open', code: 'EACCES', says: /Courier may not write in .*permissions/ },
  { op: 'rename', code: 'EACCES', says: /Courier may not write in/ },
  { op: 'rename', code: 'EROFS', says: /the disk is read-only/ },
] as const

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'))
let pathsTried = 0

/** Injects each fault into `attempt` and checks the error and the untouched file. */
async function expectEachFaultHarmless(file: string, attempt: () => Promise<unknown>) {
  const before = readFileSync(file)
  for (const { op, code, says } of FAULTS) {
    Object.assign(fault, { op, code, match: file.slice(file.lastIndexOf('/') + 1) })
    const error = await attempt().then(
      () => null,
      (e: unknown) => e,
    )
    fault.op = null
    expect(error, `${op} ${code} on ${file}`).toBeInstanceOf(Error)
    const call = asCallError(error)
    expect(call.code).toBe('FILE_SYSTEM')
    expect(call.message).toContain(file)
    expect(call.message).toMatch(says)
    expect(call.message).toContain('The file was left as it was.')
    expect(readFileSync(file).equals(before), `${file} after ${op} ${code}`).toBe(true)
    expect(temps(join(file, '..'))).toEqual([])
    pathsTried++
  }
}

describe('a full or read-only disk under a workspace save', () => {
  it('fails clearly and leaves requests, environments, folder defaults and courier.json as they were', async () => {
    const h = harness()
    const root = join(tempDir(), 'ws')
    await h.service.create(root, 'Faults')
    const path = await h.service.saveRequest(null, '', request({ name: 'Get user' }))
    await expectEachFaultHarmless(join(root, path), () =>
      h.service.saveRequest(path, '', request({ name: 'Get user', url: 'https://changed.test' })),
    )
    const env = EnvironmentSchema.parse({ name: 'Prod' })
    await h.service.saveEnvironment(null, env)
    await expectEachFaultHarmless(join(root, 'environments', 'Prod.env.json'), () =>
      h.service.saveEnvironment('Prod', { ...env, variables: [] }),
    )
    const folder = await h.service.createFolder('', 'Users')
    const defaults = InheritedDefaultsSchema.parse({
      headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
    })
    await h.service.saveDefaults(folder, defaults)
    await expectEachFaultHarmless(join(root, 'Users', 'folder.json'), () =>
      h.service.saveDefaults(folder, InheritedDefaultsSchema.parse({})),
    )
    await expectEachFaultHarmless(join(root, 'courier.json'), () =>
      h.service.saveDefaults('', defaults),
    )
    await h.service.close()
  })

  it('leaves the user’s own .gitignore as it was when adding Courier’s line fails', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n')
    await expectEachFaultHarmless(join(dir, '.gitignore'), () => initWorkspace(dir, 'Mine'))
  })
})

describe('a full or read-only disk under the app’s own files', () => {
  it('fails confirming a file for upload clearly, leaving file-consents.json as it was', async () => {
    const dataDir = tempDir('courier-data-')
    const workspace = tempDir()
    const consents = new FileConsentStore(dataDir)
    const first = join(workspace, 'first.bin')
    const second = join(workspace, 'second.bin')
    await consents.allow(workspace, first)
    const file = join(dataDir, FILE_CONSENTS_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    await expectEachFaultHarmless(file, () => consents.allow(workspace, second))
    // Not kept in memory either: the next send asks again, and a later confirmation is written.
    expect(await consents.gate(workspace).allows(second)).toBe(false)
    await consents.allow(workspace, second)
    expect(await new FileConsentStore(dataDir).gate(workspace).allows(second)).toBe(true)
  })

  it('fails a draft write clearly, leaving config.json and the drafts folder as they were', () => {
    const dataDir = tempDir('courier-data-')
    const store = openConfStore(dataDir)
    const state = new AppStateService(store)
    const tab = (text: string) => ({
      spec: { ...emptyRequest(), body: { type: 'json' as const, text } },
      variables: [],
      saved: null,
      baseline: '',
    })
    state.save({
      schemaVersion: APP_STATE_SCHEMA_VERSION,
      active: 0,
      tabs: [tab('a'.repeat(300_000))],
    })
    const config = readFileSync(store.path)
    const drafts = readdirSync(join(dataDir, 'drafts'))
    for (const { op, code, says } of FAULTS) {
      Object.assign(fault, { op, code, match: 'drafts' })
      let error: unknown = null
      try {
        state.save({
          schemaVersion: APP_STATE_SCHEMA_VERSION,
          active: 0,
          tabs: [tab('b'.repeat(300_000))],
        })
      } catch (e) {
        error = e
      }
      fault.op = null
      const call = asCallError(error)
      expect(call.code, `${op} ${code}`).toBe('FILE_SYSTEM')
      expect(call.message).toMatch(says)
      expect(call.message).toContain(join(dataDir, 'drafts'))
      expect(readFileSync(store.path).equals(config)).toBe(true)
      expect(readdirSync(join(dataDir, 'drafts'))).toEqual(drafts)
      pathsTried++
    }
    console.info(`write faults: ${pathsTried} fault × path combinations tried`)
  })
})
