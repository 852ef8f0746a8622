/**
 * Run by confFaults.test.ts in a child process (`node --import tsx`): makes one write of
 * config.json fail with an injected errno, then prints what Courier said as JSON.
 *
 * The fault is put into node:fs itself before anything loads: conf writes through
 * `atomically` and `stubborn-fs`, which keep references to fs's functions from the moment
 * they load, so the patch must come first, and in a process of its own.
 *
 * argv: <data dir> <op: open|write|rename> <errno code>
 */
import fs from 'node:fs'

const [dir, op, code] = process.argv.slice(2) as [string, string, string]
let armed = false
const failing = new Set<number>()

function fail(what: string, path: unknown): never {
  throw Object.assign(new Error(`${code}: injected failure, ${what} '${String(path)}'`), { code })
}

const real = { openSync: fs.openSync, writeSync: fs.writeSync, renameSync: fs.renameSync }
fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
  if (armed && op === 'open' && String(path).includes('config.json')) fail('open', path)
  const fd = (real.openSync as (...a: unknown[]) => number)(path, ...rest)
  if (armed && String(path).includes('config.json')) failing.add(fd)
  return fd
}) as typeof fs.openSync
fs.writeSync = ((fd: number, ...rest: unknown[]) => {
  if (armed && op === 'write' && failing.has(fd)) fail('write', fd)
  return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest)
}) as typeof fs.writeSync
fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
  if (armed && op === 'rename' && String(to).includes('config.json')) fail('rename', to)
  real.renameSync(from, to)
}) as typeof fs.renameSync

const { openConfStore } = await import('../../../electron/core/storage/openConfStore')
const { asCallError } = await import('../../../electron/core/callFailure')
const store = openConfStore(dir)
store.set('before', 'kept')
armed = true
try {
  store.set('after', 'x'.repeat(10_000))
  console.log(JSON.stringify({ error: null }))
} catch (error) {
  const call = asCallError(error)
  console.log(JSON.stringify({ error: { code: call.code, message: call.message } }))
}
