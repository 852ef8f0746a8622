import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const bin = resolve('bin/courier.mjs')

/** What one run of the `courier` binary printed, and how it exited. */
export interface CourierRun {
  code: number
  stdout: string
  stderr: string
}

/** A fresh directory under the system's temp folder, named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/**
 * Runs the real `courier` binary on the given data directory (never the user's), with only
 * the given COURIER_VAR_* set; resolves with its exit code instead of throwing.
 */
export async function runCourier(
  args: string[],
  options: { dataDir: string; vars?: Record<string, string>; env?: Record<string, string> },
): Promise<CourierRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    COURIER_DATA_DIR: options.dataDir,
    ...options.env,
  }
  for (const key of Object.keys(env)) if (key.startsWith('COURIER_VAR_')) delete env[key]
  for (const [name, value] of Object.entries(options.vars ?? {})) env[`COURIER_VAR_${name}`] = value
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 30_000, env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }
  }
}
