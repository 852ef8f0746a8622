import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { lowerBackgroundThreads } from '../../electron/cli/backgroundThreads'

/**
 * In a node of its own: the call changes the priority of the process's threads, which the
 * test runner's own threads must keep. The child reports each thread's nice value (field
 * 19 of /proc/self/task/TID/stat, after the command name) before and after the call.
 */
function niceValuesAroundTheCall() {
  const script = `
    import { readdirSync, readFileSync } from 'node:fs'
    import { lowerBackgroundThreads } from './electron/cli/backgroundThreads.ts'
    const nice = () => Object.fromEntries(readdirSync('/proc/self/task').map((t) => {
      const stat = readFileSync('/proc/self/task/' + t + '/stat', 'utf8')
      return [t, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])]
    }))
    const before = nice()
    const lowered = lowerBackgroundThreads()
    console.log(JSON.stringify({ pid: process.pid, before, lowered, after: nice() }))
  `
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
    },
  )
  return JSON.parse(out) as {
    pid: number
    before: Record<string, number>
    lowered: number
    after: Record<string, number>
  }
}

describe('lowerBackgroundThreads', () => {
  it('gives every thread but the main one the lowest priority on Linux, and does nothing elsewhere', () => {
    if (process.platform !== 'linux') {
      expect(lowerBackgroundThreads()).toBe(0)
      return
    }
    const { pid, before, lowered, after } = niceValuesAroundTheCall()
    const others = Object.keys(before).filter((t) => Number(t) !== pid)
    expect(others.length).toBeGreaterThan(0)
    expect(lowered).toBe(others.filter((t) => before[t]! < 19).length)
    expect(after[pid]).toBe(before[pid])
    for (const t of others) expect(after[t]).toBe(19)
  })
})
