import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * `npm run bench -- cli`: how fast the built `courier` starts, against `node -e 0` in the
 * same run. Each command runs RUNS times (BENCH_CLI_RUNS); reported are the median wall
 * time from spawn to exit (judged), the median time to its first output (a send prints
 * its response before recording it) and the highest peak RSS (`/usr/bin/time -f %M`).
 * Targets (issue): --help ≤ 2x node -e 0; send to a loopback server ≤ 3x; peak RSS ≤ 80 MB.
 */
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15)
const BIN = resolve('bin/courier.mjs')

interface Run {
  ms: number
  /** Until the first byte on stdout: for a send, when the tester has the response. */
  outputMs: number
  peakRssMB: number | null
}

/**
 * One process: wall time from spawn to exit, and its peak RSS from `/usr/bin/time -f %M`
 * where that exists (Debian's `time` package), else null.
 */
function runOnce(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const timed = existsSync('/usr/bin/time')
  const command = timed ? '/usr/bin/time' : process.execPath
  const argv = timed ? ['-f', '%M', process.execPath, ...args] : args
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let outputMs = NaN
    child.stdout.once('data', () => (outputMs = performance.now() - started))
    child.stdout.resume()
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('exit', (code) => {
      const ms = performance.now() - started
      if (code !== 0) {
        fail(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`))
        return
      }
      const kb = Number(stderr.trim().split('\n').at(-1))
      done({
        ms,
        outputMs,
        peakRssMB: timed && Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null,
      })
    })
  })
}

interface Summary {
  ms: number
  outputMs: number
  peakRssMB: number | null
}

/**
 * Runs every command once per round, RUNS rounds (after one to warm the file cache), so
 * the baseline and the commands share whatever else the machine is doing meanwhile.
 */
async function measureInterleaved(
  commands: string[][],
  env: NodeJS.ProcessEnv,
): Promise<Summary[]> {
  for (const args of commands) await runOnce(args, env)
  const runs: Run[][] = commands.map(() => [])
  for (let i = 0; i < RUNS; i++) {
    for (const [n, args] of commands.entries()) runs[n]!.push(await runOnce(args, env))
  }
  const median = (values: number[]) => {
    const sorted = values.toSorted((a, b) => a - b)
    return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10
  }
  return runs.map((of) => {
    const peaks = of.map((r) => r.peakRssMB).filter((m): m is number => m !== null)
    return {
      ms: median(of.map((r) => r.ms)),
      outputMs: median(of.map((r) => r.outputMs)),
      peakRssMB: peaks.length > 0 ? Math.max(...peaks) : null,
    }
  })
}

export async function benchCli(): Promise<void> {
  if (!existsSync(resolve('out/node/cli.js'))) {
    console.error('cli: out/node/cli.js is missing: run `npm run build` first.')
    process.exitCode = 2
    return
  }
  const server = http.createServer((_req, res) => res.end('{"ok":true}'))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/users/1`
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-bench-cli-'))
  const env = { ...process.env, COURIER_DATA_DIR: dataDir }
  try {
    const cases: [string, string[], number][] = [
      ['courier --help', [BIN, '--help'], 2],
      ['courier send (with history)', [BIN, 'send', 'GET', url], 3],
      ['courier send --no-history', [BIN, 'send', 'GET', url, '--no-history'], 3],
    ]
    const [baseline, ...measured] = await measureInterleaved(
      [['-e', '0'], ...cases.map(([, args]) => args)],
      env,
    )
    for (const [n, [name, , target]] of cases.entries()) {
      const run = measured[n]!
      const ratio = Math.round((run.ms / baseline!.ms) * 100) / 100
      console.log(
        JSON.stringify({
          bench: 'cli',
          case: name,
          runs: RUNS,
          medianMs: run.ms,
          outputMedianMs: run.outputMs,
          nodeMedianMs: baseline!.ms,
          ratio,
          targetRatio: target,
          peakRssMB: run.peakRssMB,
          nodePeakRssMB: baseline!.peakRssMB,
          targetRssMB: 80,
          pass: ratio <= target && (run.peakRssMB === null || run.peakRssMB <= 80),
        }),
      )
    }
    // The sends were recorded: the bench measured the command as testers run it.
    const history = join(dataDir, 'history.db')
    if (!existsSync(history) || readFileSync(history).length === 0) {
      throw new Error('courier send wrote no history during the bench')
    }
  } finally {
    server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
