import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeRendererDir } from './webClient'

const LINE = /^Courier web: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/m
const children: ChildProcess[] = []

const BUILT = resolve('out/node/web.js')

/**
 * Starts the built web host as `npm run web` does after its build (`npm test` builds
 * first); `env` is added to this process's environment.
 */
function startWeb(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` first.`)
  const child = spawn(process.execPath, [BUILT, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const announced = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = /^Courier web: .*$/m.exec(stdout)?.[0]
      if (line) resolve(line)
    })
    void exited.then((code) => reject(new Error(`exited ${code} before announcing:\n${stderr}`)))
  })
  // Runs that are expected to fail never await the announcement.
  announced.catch(() => {})
  return { child, exited, announced, output: () => ({ stdout, stderr }) }
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

describe('npm run web (out/node/web.js, built from electron/web/index.ts)', () => {
  it('prints one token URL line, serves the UI there and exits 0 on SIGTERM', async () => {
    const { rendererDir } = makeRendererDir()
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-web-cli-'))
    const web = startWeb(['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir])
    const line = await web.announced
    expect(line).toMatch(LINE)
    const url = line.slice('Courier web: '.length)
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Courier</title>')
    web.child.kill('SIGTERM')
    expect(await web.exited).toBe(0)
    expect(web.output().stdout.trim().split('\n')).toEqual([line])
  })

  it('exits 2 naming --port when the port is not a number', async () => {
    const web = startWeb(['--port', 'abc'])
    expect(await web.exited).toBe(2)
    expect(web.output().stderr).toMatch(/--port/)
    expect(web.output().stdout).toBe('')
  })

  it('starts its formatting worker from the built out/node/prettyWorker.js, not from source', async () => {
    const { rendererDir } = makeRendererDir()
    const dataDir = mkdtempSync(join(tmpdir(), 'courier-web-worker-'))
    // Node's module debug log names every file it loads, the worker's included.
    const web = startWeb(['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir], {
      NODE_DEBUG: 'esm',
    })
    await web.announced
    const loadedWorker = () => /out\/node\/prettyWorker\.js/.test(web.output().stderr)
    // The worker starts at once, but on its own thread: its load is logged soon after.
    await vi.waitFor(() => expect(loadedWorker()).toBe(true), { timeout: 10_000 })
    web.child.kill('SIGTERM')
    expect(await web.exited).toBe(0)
    expect(web.output().stderr).not.toMatch(/prettyWorker(Entry)?\.(ts|mjs)/)
    expect(web.output().stderr).not.toMatch(/Pretty-printing on the main thread/)
  })

  it('exits 2 telling to run `npm run build` when the built UI is missing', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'courier-web-none-')), 'renderer')
    const web = startWeb(['--renderer-dir', missing])
    expect(await web.exited).toBe(2)
    expect(web.output().stderr).toMatch(/npm run build/)
  })
})
