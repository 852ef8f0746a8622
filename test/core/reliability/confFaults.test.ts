import { execFile } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../workspace/helpers'

const run = promisify(execFile)
const script = join(import.meta.dirname, 'confWriteFault.ts')

/**
 * config.json (settings, open tabs, sealed secrets) on a full or read-only disk: conf and
 * electron-store write it through `atomically`, so the fault is injected into node:fs in a
 * child process before they load (confWriteFault.ts). Each write fails with a clear error
 * naming the file, the file stays byte-identical, and no temporary file is left.
 */
const FAULTS = [
  { op: 'write', code: 'ENOSPC', says: /the disk is full\. Free some space/ },
  { op: 'write', code: 'EDQUOT', says: /quota is used up/ },
  { op: 'open', code: 'EROFS', says: /the disk is read-only/ },
  { op: 'open', code: 'EACCES', says: /Courier may not write in .*permissions/ },
  { op: 'rename', code: 'EROFS', says: /the disk is read-only/ },
  { op: 'rename', code: 'ENOSPC', says: /the disk is full/ },
] as const

describe('config.json on a full or read-only disk', () => {
  it.each(FAULTS)('$op $code: a clear error, the file as it was', async ({ op, code, says }) => {
    const dir = tempDir('courier-data-')
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dir, op, code])
    const { error } = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      error: { code: string; message: string } | null
    }
    const file = join(dir, 'config.json')
    expect(error?.code).toBe('FILE_SYSTEM')
    expect(error?.message).toContain(file)
    expect(error?.message).toMatch(says)
    expect(error?.message).toContain('The file was left as it was.')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ before: 'kept' })
    expect(readdirSync(dir).filter((n) => n !== 'config.json')).toEqual([])
  })
})
