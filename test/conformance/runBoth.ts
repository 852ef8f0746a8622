import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { runCourier } from '../cli/runCourier'

const exec = promisify(execFile)
const newmanBin = join(
  dirname(createRequire(import.meta.url).resolve('newman/package.json')),
  'bin/newman.js',
)

export const collections = resolve('test/conformance/collections')
export const data = resolve('test/conformance/data')

const COUNTS = ['iterations', 'requests', 'testScripts', 'prerequestScripts', 'assertions'] as const
type Count = { total: number; failed: number }

/** What newman's json report (and Courier's, in the same shape) holds that the suite compares. */
interface JsonReport {
  run: {
    stats: Record<(typeof COUNTS)[number], Count>
    failures: {
      error: { name: string; test?: string; message: string }
      at: string
      source?: { name: string }
      cursor: { iteration: number }
    }[]
    executions: {
      item: { name: string }
      cursor: { iteration: number }
      assertions?: { assertion: string; error?: unknown }[]
    }[]
  }
}

/** One tool's run, reduced to what must agree. */
export interface Outcome {
  exitCode: number
  /** newman's five counts, total and failed. */
  stats: Record<(typeof COUNTS)[number], Count>
  /** `iteration request: kind test`, in report order. */
  failures: string[]
  /** `iteration request: ✓ test, ✗ test`, one per request sent. */
  executions: string[]
}

/** The place of a failure as newman's `at` says it: assertion, prerequest-script, test-script or request. */
function kindOf(at: string): string {
  if (at.startsWith('assertion')) return 'assertion'
  return at.replace(/:\d+(:\d+)?$/, '')
}

function outcome(exitCode: number, reportPath: string, stderr: string): Outcome {
  let report: JsonReport
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as JsonReport
  } catch (error) {
    throw new Error(`no json report at ${reportPath} (exit ${exitCode}): ${stderr.slice(-800)}`, {
      cause: error,
    })
  }
  const { stats, failures, executions } = report.run
  return {
    exitCode,
    stats: Object.fromEntries(
      COUNTS.map((name) => [name, { total: stats[name].total, failed: stats[name].failed }]),
    ) as Outcome['stats'],
    failures: failures.map(
      (f) =>
        `${f.cursor.iteration} ${f.source?.name ?? '?'}: ${kindOf(f.at)}${f.error.test ? ` ${f.error.test}` : ''}`,
    ),
    executions: executions.map(
      (e) =>
        `${e.cursor.iteration} ${e.item.name}: ${(e.assertions ?? []).map((a) => `${a.error ? '✗' : '✓'} ${a.assertion}`).join(', ')}`,
    ),
  }
}

/** `newman run COLLECTION ARGS -r json --reporter-json-export …`, newman 6 as installed. */
export async function runNewman(args: string[], reportPath: string): Promise<Outcome> {
  const argv = [newmanBin, 'run', ...args, '-r', 'json', '--reporter-json-export', reportPath]
  const result = await exec(process.execPath, argv, { timeout: 60_000 }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (error: { code?: number; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      stderr: error.stderr ?? '',
    }),
  )
  return outcome(result.code, reportPath, result.stderr)
}

/** The built `courier run COLLECTION ARGS -r json --reporter-json-export …`. */
export async function runCourierRun(
  args: string[],
  reportPath: string,
  dataDir: string,
): Promise<Outcome> {
  const result = await runCourier(
    ['run', ...args, '-r', 'json', '--reporter-json-export', reportPath],
    { dataDir },
  )
  return outcome(result.code, reportPath, result.stderr)
}
