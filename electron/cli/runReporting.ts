import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { RunEvent, RunSummary } from '../../shared/model/run'
import type { RunPlan } from '../core/runner/runPlan'
import type { CliIo } from './cliIo'
import type { RunFlags, RunSettings } from './runFlags'

/** What `courier run` streams a run to. */
export interface CliReporter {
  onEvent(event: RunEvent): void | Promise<void>
  finish(): Promise<void>
}

/**
 * INTERIM until electron/core/runner/reporters lands: a json reporter (stats and failures)
 * and a one-line-per-request cli output, so the command can be exercised end to end.
 */
export function createRunReporters(
  settings: RunSettings,
  flags: RunFlags,
  plan: RunPlan,
  workingDir: string,
  io: CliIo,
): CliReporter[] {
  let summary: RunSummary | null = null
  const out: CliReporter[] = []
  if (settings.reporters.includes('json')) {
    out.push({
      onEvent: (e) => void (e.type === 'done' && (summary = e.summary)),
      async finish() {
        const path =
          flags.reporterJsonExport ?? join(workingDir, 'courier-reports', `${plan.name}.json`)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(
          path,
          JSON.stringify({
            collection: { info: { name: plan.name } },
            run: { stats: summary?.stats, failures: summary?.failures },
          }),
        )
      },
    })
  }
  if (settings.reporters.includes('cli') && !flags.silent) {
    out.push({
      onEvent(e) {
        if (e.type === 'execution') {
          const x = e.execution
          io.stdout(
            `→ ${x.item.path}  ${x.method} ${x.url} [${x.response ? x.response.status : x.error?.code}]\n`,
          )
        }
        if (e.type === 'done') io.stdout(JSON.stringify(e.summary.stats) + '\n')
      },
      finish: async () => {},
    })
  }
  return out
}
