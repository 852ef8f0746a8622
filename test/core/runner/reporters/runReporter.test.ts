import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { colorEnabled } from '../../../../electron/core/runner/reporters/ansi'
import { formatBytes, formatDuration } from '../../../../electron/core/runner/reporters/formatUnits'
import { ReportError } from '../../../../electron/core/runner/reporters/reportError'
import { fileSafeName } from '../../../../electron/core/runner/reporters/reportTarget'
import {
  createReporters,
  emitTo,
  finishAll,
} from '../../../../electron/core/runner/reporters/runReporter'
import { xmlSafe } from '../../../../electron/core/runner/reporters/xmlText'
import { buildRun, pass } from './runEvents'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-reporters-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('createReporters', () => {
  it('refuses an unknown name, listing the reporters there are', () => {
    expect(() => createReporters(['cli', 'progress'])).toThrow(ReportError)
    expect(() => createReporters(['cli', 'progress'])).toThrow(
      'Unknown reporter "progress". Courier has cli, json, junit, html; name them comma-separated, e.g. -r cli,junit.',
    )
  })

  it('makes one reporter per name, in order, and every file reporter writes its file', async () => {
    const reporters = createReporters(['json', 'junit', 'html', 'json', 'cli'], {
      cwd: dir,
      cli: { silent: true },
    })
    expect(reporters).toHaveLength(4)
    const emit = emitTo(reporters)
    for (const event of buildRun({ items: [{ name: 'A', tests: [pass('ok')] }] }).events) {
      await emit(event)
    }
    await finishAll(reporters)
    expect((await readdir(join(dir, 'courier-reports'))).sort()).toEqual([
      'Shop-API-2024-05-01-09-30-00-000.html',
      'Shop-API-2024-05-01-09-30-00-000.json',
      'Shop-API-2024-05-01-09-30-00-000.xml',
    ])
  })
})

describe('report helpers', () => {
  it("sizes and durations read as newman's", () => {
    expect([0, 512, 1000, 1234, 12_345, 1_234_567].map(formatBytes)).toEqual([
      '0B',
      '512B',
      '1kB',
      '1.23kB',
      '12.35kB',
      '1.23MB',
    ])
    expect([0.25, 23.7, 1997, 2500, 65_000, 3_600_000].map(formatDuration)).toEqual([
      '250µs',
      '23ms',
      '1997ms',
      '2.5s',
      '1m 5s',
      '1h',
    ])
  })

  it('colour: on and off as given; auto for a terminal unless NO_COLOR is set', () => {
    expect(colorEnabled('on', false, { NO_COLOR: '1' })).toBe(true)
    expect(colorEnabled('off', true, {})).toBe(false)
    expect(colorEnabled('auto', true, {})).toBe(true)
    expect(colorEnabled('auto', true, { NO_COLOR: '' })).toBe(true)
    expect(colorEnabled('auto', true, { NO_COLOR: '1' })).toBe(false)
    expect(colorEnabled('auto', false, {})).toBe(false)
  })

  it('file names from run names work on every OS', () => {
    expect(fileSafeName('Users API: v2/admin?')).toBe('Users-API-v2-admin')
    expect(fileSafeName('../..')).toBe('run')
    expect(fileSafeName('Café')).toBe('Café')
  })

  it('XML text keeps tab, newline and paired emoji, and escapes what XML 1.0 forbids', () => {
    expect(xmlSafe('a\tb\nc😀')).toBe('a\tb\nc😀')
    expect(xmlSafe('\u0000\u0008\u000B\u001F\uFFFE')).toBe('\\u0000\\u0008\\u000B\\u001F\\uFFFE')
    expect(xmlSafe('lone \uD83D here')).toBe('lone \\uD83D here')
  })
})
