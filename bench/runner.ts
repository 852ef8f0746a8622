import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  median,
  rssMB,
  runNode,
  startCountingServer,
  type CountingServer,
} from './runner/processes'
import { writeWorkload, type Workload } from './runner/workload'

/**
 * `npm run bench -- runner`: `courier run` (the built CLI), newman 6 and bru (@usebruno/cli)
 * on the same machine, in the same run, against the same loopback server.
 *
 * Speed: 200 requests with one test each, 3 iterations from a CSV data file (600 sends),
 * each tool printing its usual terminal report (bru: see BRU_SANDBOX). The floor is the
 * same round trips by Node's http client alone (runner/rawClient.mjs), measured the same way. Start-up is the
 * same tool running a one-request collection with a one-row data file; per-request cost
 * = (wall − start-up) / 600. Every case runs
 * BENCH_RUNNER_RUNS times (3), round by round so the tools share the machine's load;
 * medians are reported. The server counts what arrives, so a tool that skipped work fails
 * the bench. Targets (issue 16): per-request ≤ 1 ms; newman's whole run ≥ 5× courier's.
 *
 * Memory: courier run over 10,000 requests (the 200 × 50 iterations), cli and json
 * reporters on; its RSS read from /proc when the server has answered 1k, 5k and 10k
 * requests. Flat: at most 16 MB more at 10k than at 5k.
 *
 * Budgets print as JSON lines; `--strict` exits 1 when one is missed.
 * BENCH_RUNNER_CASES=speed or memory runs one part only.
 */
const RUNS = Number(process.env.BENCH_RUNNER_RUNS ?? 3)
const REQUESTS = 200
const ITERATIONS = 3
const MEMORY_ITERATIONS = 50
const MEMORY_MARKS = [1_000, 5_000, 10_000]
const FLAT_GROWTH_MB = 16
const TARGET_PER_REQUEST_MS = 1
const TARGET_NEWMAN_RATIO = 5
const STRICT = process.argv.includes('--strict')
/**
 * bru's script sandbox: `developer` (Node's vm, bru's fastest, the mode its ~8 ms per
 * request was measured in) unless BENCH_RUNNER_BRU_SANDBOX=safe (its QuickJS sandbox,
 * like Courier's, and many times slower here).
 */
const BRU_SANDBOX = process.env.BENCH_RUNNER_BRU_SANDBOX ?? 'developer'

const require = createRequire(import.meta.url)
const packageBin = (name: string, bin: string) =>
  join(dirname(require.resolve(`${name}/package.json`)), bin)
const COURIER = resolve('bin/courier.mjs')
const RAW_CLIENT = fileURLToPath(new URL('./runner/rawClient.mjs', import.meta.url))

interface Tool {
  name: 'courier' | 'newman' | 'bru' | 'floor'
  /** node arguments and working folder for a workload, with or without its data file. */
  command(w: Workload, data: boolean): { args: string[]; cwd?: string }
}

const TOOLS: Tool[] = [
  {
    name: 'courier',
    command: (w, data) => ({
      args: [COURIER, 'run', w.collection, ...(data ? ['-d', w.csv] : [])],
    }),
  },
  {
    name: 'newman',
    command: (w, data) => ({
      args: [
        packageBin('newman', 'bin/newman.js'),
        'run',
        w.collection,
        ...(data ? ['-d', w.csv] : []),
      ],
    }),
  },
  {
    // Not a peer: the floor. Node's http client alone, the same round trips in sequence.
    name: 'floor',
    command: (w, data) => ({
      args: [RAW_CLIENT, w.baseUrl, String(w.requests), String(data ? w.iterations : 1)],
    }),
  },
  {
    name: 'bru',
    command: (w, data) => ({
      args: [
        packageBin('@usebruno/cli', 'bin/bru.js'),
        'run',
        '--sandbox',
        BRU_SANDBOX,
        ...(data ? ['--csv-file-path', w.csv] : []),
      ],
      cwd: w.bruFolder,
    }),
  },
]

const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places
let missed = false

function budget(
  name: string,
  measured: number,
  limit: number,
  unit: 'ms' | 'x' | 'MB',
  atLeast = false,
) {
  const pass = atLeast ? measured >= limit : measured <= limit
  if (!pass) missed = true
  console.log(
    JSON.stringify({
      bench: 'runner',
      budget: name,
      [`${atLeast ? 'atLeast' : 'limit'}_${unit}`]: limit,
      [`measured_${unit}`]: measured,
      pass,
    }),
  )
}

/** Runs one case and checks the server got every request of it. */
async function timed(
  server: CountingServer,
  tool: Tool,
  w: Workload,
  data: boolean,
  expected: number,
  env: NodeJS.ProcessEnv,
) {
  server.reset()
  const { args, cwd } = tool.command(w, data)
  const run = await runNode(args, { ...(cwd && { cwd }), env })
  if (server.count() !== expected) {
    throw new Error(`${tool.name} sent ${server.count()} requests where ${expected} were expected`)
  }
  return run.ms
}

async function speed(server: CountingServer, dir: string, env: NodeJS.ProcessEnv) {
  const full = writeWorkload(join(dir, 'full'), server.url, REQUESTS, ITERATIONS)
  const one = writeWorkload(join(dir, 'one'), server.url, 1, 1)
  const sends = REQUESTS * ITERATIONS
  const walls = new Map(TOOLS.map((t) => [t.name, [] as number[]]))
  const starts = new Map(TOOLS.map((t) => [t.name, [] as number[]]))
  // One round of start-ups first: the file cache warms for every tool alike.
  for (const tool of TOOLS) await timed(server, tool, one, true, 1, env)
  for (let i = 0; i < RUNS; i++) {
    for (const tool of TOOLS) {
      starts.get(tool.name)!.push(await timed(server, tool, one, true, 1, env))
      walls.get(tool.name)!.push(await timed(server, tool, full, true, sends, env))
    }
  }
  const results = TOOLS.map((tool) => {
    const wallMs = median(walls.get(tool.name)!)
    const startupMs = median(starts.get(tool.name)!)
    const perRequestMs = (wallMs - startupMs) / sends
    console.log(
      JSON.stringify({
        bench: 'runner',
        case: `${REQUESTS} requests x ${ITERATIONS} iterations (CSV), one test each`,
        tool: tool.name === 'bru' ? `bru (--sandbox ${BRU_SANDBOX})` : tool.name,
        runs: RUNS,
        requests: sends,
        wallMedianMs: round(wallMs),
        startupMedianMs: round(startupMs),
        perRequestMs: round(perRequestMs, 3),
        // The 1-minute load average once every tool has run: on 2 cores, other work shows here.
        load1: round(loadavg()[0]!, 2),
      }),
    )
    return { name: tool.name, wallMs, perRequestMs }
  })
  const courier = results.find((r) => r.name === 'courier')!
  const newman = results.find((r) => r.name === 'newman')!
  const bru = results.find((r) => r.name === 'bru')!
  const floor = results.find((r) => r.name === 'floor')!
  budget('courier per-request cost', round(courier.perRequestMs, 3), TARGET_PER_REQUEST_MS, 'ms')
  budget(
    'newman wall / courier wall (start-up included)',
    round(newman.wallMs / courier.wallMs, 2),
    TARGET_NEWMAN_RATIO,
    'x',
    true,
  )
  console.log(
    JSON.stringify({
      bench: 'runner',
      ratios: {
        newmanOverCourierWall: round(newman.wallMs / courier.wallMs, 2),
        bruOverCourierWall: round(bru.wallMs / courier.wallMs, 2),
        newmanOverCourierPerRequest: round(newman.perRequestMs / courier.perRequestMs, 2),
        bruOverCourierPerRequest: round(bru.perRequestMs / courier.perRequestMs, 2),
        // The machine's own round trip, and what courier adds to it: on a VM whose idle
        // cores are slow to wake, the floor moves with the load, and courier's cost with it.
        courierOverFloorPerRequest: round(courier.perRequestMs / floor.perRequestMs, 2),
        courierAboveFloorPerRequestMs: round(courier.perRequestMs - floor.perRequestMs, 3),
      },
    }),
  )
}

async function memory(server: CountingServer, dir: string, env: NodeJS.ProcessEnv) {
  const w = writeWorkload(join(dir, 'memory'), server.url, REQUESTS, 1)
  const total = REQUESTS * MEMORY_ITERATIONS
  let pid = -1
  const samples = new Map<number, number | null>()
  server.reset()
  server.onRequest = (count) => {
    if (MEMORY_MARKS.includes(count)) samples.set(count, rssMB(pid))
  }
  const report = join(dir, 'memory-report.json')
  const args = [
    COURIER,
    'run',
    w.collection,
    '-d',
    w.csv,
    '-n',
    String(MEMORY_ITERATIONS),
    '-r',
    'cli,json',
    '--reporter-json-export',
    report,
  ]
  try {
    const run = await runNode(args, { env, onSpawn: (p) => (pid = p) })
    if (server.count() !== total)
      throw new Error(`courier sent ${server.count()} of ${total} requests`)
    const at = (n: number) => samples.get(n) ?? null
    console.log(
      JSON.stringify({
        bench: 'runner',
        case: `memory: courier run, ${total} requests (${REQUESTS} x ${MEMORY_ITERATIONS} iterations), cli + json reports`,
        rssMB: Object.fromEntries(MEMORY_MARKS.map((n) => [`at${n / 1000}k`, at(n)])),
        wallMs: round(run.ms),
      }),
    )
    const [first, middle, last] = [at(1_000), at(5_000), at(10_000)]
    if (middle !== null && last !== null && first !== null) {
      console.log(
        JSON.stringify({
          bench: 'runner',
          growthMB: { from1kTo10k: round(last - first), from5kTo10k: round(last - middle) },
        }),
      )
      budget(
        'courier RSS growth from 5k to 10k requests (flat)',
        round(last - middle),
        FLAT_GROWTH_MB,
        'MB',
      )
    }
  } finally {
    server.onRequest = null
  }
}

export async function benchRunner(): Promise<void> {
  if (!existsSync(resolve('out/node/cli.js'))) {
    console.error('runner: out/node/cli.js is missing: run `npm run build` first.')
    process.exitCode = 2
    return
  }
  const cases = (process.env.BENCH_RUNNER_CASES ?? 'speed,memory').split(',')
  const server = await startCountingServer()
  const dir = mkdtempSync(join(tmpdir(), 'courier-bench-runner-'))
  const env = { ...process.env, COURIER_DATA_DIR: join(dir, 'data'), NO_COLOR: '1' }
  try {
    if (cases.includes('speed')) await speed(server, dir, env)
    if (cases.includes('memory')) await memory(server, dir, env)
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (missed && STRICT) process.exitCode = 1
}
