import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Sqlite } from '../../../electron/core/history/sqlite'
import { entry, openStore, tempDataDir } from './helpers'

function expectMovedAside(dataDir: string, notices: string[], original: Buffer) {
  const aside = readdirSync(dataDir).filter((f) => /^history\.db\.corrupt-[\dTZ-]+$/.test(f))
  expect(aside).toHaveLength(1)
  const moved = join(dataDir, aside[0]!)
  expect(readFileSync(moved).equals(original)).toBe(true)
  expect(notices).toHaveLength(1)
  expect(notices[0]).toContain(moved)
  expect(notices[0]).toMatch(/could not be read.*new, empty history/)
  return moved
}

describe('a damaged history database', () => {
  it('is moved aside with its -wal and -shm, the user told, and a new one started', () => {
    const dataDir = tempDataDir()
    const garbage = Buffer.from('not a database, just text '.repeat(400))
    writeFileSync(join(dataDir, 'history.db'), garbage)
    writeFileSync(join(dataDir, 'history.db-wal'), 'wal bytes')
    writeFileSync(join(dataDir, 'history.db-shm'), 'shm bytes')
    const { store, notices } = openStore(dataDir)
    const moved = expectMovedAside(dataDir, notices, garbage)
    expect(readFileSync(`${moved}-wal`, 'utf8')).toBe('wal bytes')
    expect(readFileSync(`${moved}-shm`, 'utf8')).toBe('shm bytes')
    const added = store.append(entry())
    expect(store.list().entries.map((e) => e.id)).toEqual([added.id])
    store.close()
  })

  it('is found when its header is intact but its schema page is broken', () => {
    const dataDir = tempDataDir()
    const file = join(dataDir, 'history.db')
    // Only exec(): with no statement left, close() really closes and folds the log in.
    const db = new Sqlite(file)
    db.exec(
      'PRAGMA journal_mode = WAL; CREATE TABLE entries (id, at); INSERT INTO entries VALUES (1, 2)',
    )
    db.close()
    expect(existsSync(`${file}-wal`)).toBe(false)
    const bytes = readFileSync(file)
    bytes.fill(0xa5, 100, 4096)
    writeFileSync(file, bytes)
    const { store, notices } = openStore(dataDir)
    expectMovedAside(dataDir, notices, bytes)
    expect(notices[0]).toContain('malformed')
    expect(store.list().entries).toEqual([])
    store.close()
  })

  it('is not suspected when the file is sound or empty', () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, 'history.db'), '')
    const first = openStore(dataDir)
    first.store.append(entry())
    first.store.close()
    const { store, notices } = openStore(dataDir)
    expect(store.list().entries).toHaveLength(1)
    store.close()
    expect([...first.notices, ...notices]).toEqual([])
    expect(readdirSync(dataDir).some((f) => f.includes('corrupt'))).toBe(false)
  })
})
