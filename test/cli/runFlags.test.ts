import { describe, expect, it } from 'vitest'
import { UsageError } from '../../electron/cli/cliIo'
import { parseRunFlags, type RunFlags } from '../../electron/cli/runFlags'

const flags = (more: Partial<RunFlags> = {}): RunFlags => ({
  folder: [],
  envVar: [],
  globalVar: [],
  reporters: 'cli',
  color: 'auto',
  ...more,
})

const refused = (target: string | undefined, more: Partial<RunFlags>) => {
  try {
    parseRunFlags(target, flags(more))
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('expected a usage error')
}

describe('parseRunFlags', () => {
  it('a .json target (or --collection, or an existing file) is a collection; anything else a workspace folder', () => {
    expect(parseRunFlags('c.json', flags()).collectionFile).toBe('c.json')
    expect(parseRunFlags(undefined, flags({ collection: 'c.txt' })).collectionFile).toBe('c.txt')
    expect(parseRunFlags('c.postman', flags(), () => true).collectionFile).toBe('c.postman')
    const workspace = parseRunFlags('Users/Admin', flags())
    expect(workspace).toMatchObject({ collectionFile: null, workspaceFolder: 'Users/Admin' })
    expect(parseRunFlags(undefined, flags()).workspaceFolder).toBe('')
  })

  it('--bail as newman reads it: alone or with failure it stops, folder alone does not; a file taken as its value is the target', () => {
    expect(parseRunFlags('c.json', flags({ bail: true })).bail).toBe(true)
    expect(parseRunFlags('c.json', flags({ bail: 'failure' })).bail).toBe(true)
    expect(parseRunFlags('c.json', flags({ bail: 'folder' })).bail).toBe(false)
    expect(parseRunFlags('c.json', flags({ bail: 'folder,failure' })).bail).toBe(true)
    // `courier run --bail c.json`: commander hands the file over as the flag's value.
    expect(parseRunFlags(undefined, flags({ bail: 'c.json' }))).toMatchObject({
      bail: true,
      collectionFile: 'c.json',
    })
  })

  it('numbers, pairs and reporters in the runner’s terms; newman’s defaults where absent', () => {
    const settings = parseRunFlags(
      'c.json',
      flags({
        iterationCount: '3',
        delayRequest: '10',
        timeoutRequest: '500',
        timeoutScript: '2000',
        envVar: ['a=1', 'b=x=y'],
        globalVar: ['g='],
        reporters: 'cli,json,cli',
      }),
    )
    expect(settings).toMatchObject({
      iterations: 3,
      delayMs: 10,
      timeoutMs: 500,
      scriptCpuMs: 2000,
      envVars: { a: '1', b: 'x=y' },
      globalVars: { g: '' },
      reporters: ['cli', 'json'],
    })
    const defaults = parseRunFlags('c.json', flags({ timeoutScript: '0' }))
    expect(defaults).toMatchObject({
      iterations: undefined,
      timeoutMs: 0,
      scriptCpuMs: undefined,
      delayMs: 0,
    })
  })

  it('refuses what cannot be right, naming the flag', () => {
    expect(refused('c.json', { iterationCount: '0' })).toContain('-n/--iteration-count "0"')
    expect(refused('c.json', { delayRequest: '-5' })).toContain('--delay-request "-5"')
    expect(refused('c.json', { timeoutScript: '50' })).toContain('from 100 to 600000 ms')
    expect(refused('c.json', { color: 'always' })).toContain(
      '--color "always": give on, off or auto',
    )
    expect(refused('c.json', { environment: 'https://example.com/env.json' })).toContain(
      '-e/--environment https://example.com/env.json: Courier reads only files',
    )
    expect(refused('c.json', { workspace: 'ws' })).toContain(
      '--workspace and --env run a saved workspace',
    )
    expect(refused('Users', { environment: 'env.json' })).toContain(
      '-e/--environment and -g/--globals read Postman exports for a collection file',
    )
    expect(refused('Users', { folder: ['Admin'] })).toContain(
      "give the folder's path as the target",
    )
    expect(refused('a.json', { collection: 'b.json' })).toContain('Give the collection once')
    expect(refused('c.json', { bail: 'sometimes' })).toContain(
      'the modifiers of --bail are failure and folder',
    )
  })
})
