import { dirname } from 'node:path'
import type { RunReportFormat } from '../../../shared/ipc/runCalls'
import type { RunEvent } from '../../../shared/model/run'
import { ReportError } from './reporters/reportError'
import { fileSafeName } from './reporters/reportTarget'
import { createReporters } from './reporters/runReporter'

const EXTENSIONS: Record<RunReportFormat, string> = {
  html: 'html',
  json: 'json',
  junit: 'xml',
}

/** The file name a report is offered under: `Users-API.xml`. */
export function reportFileName(runName: string, format: RunReportFormat): string {
  return `${fileSafeName(runName)}.${EXTENSIONS[format]}`
}

/**
 * Writes a run's report at `path` by replaying its events through the reporter of that
 * format, as `courier run` would have written it while running.
 *
 * @throws ReportError when the events hold no end of the run, or the file cannot be written.
 */
export async function writeRunReport(
  events: AsyncIterable<RunEvent>,
  format: RunReportFormat,
  path: string,
): Promise<void> {
  const [reporter] = createReporters([format], { cwd: dirname(path), [format]: { export: path } })
  let ended = false
  try {
    for await (const event of events) {
      await reporter!.onEvent(event)
      if (event.type === 'done') ended = true
    }
  } finally {
    // Without 'done' this only drops what the reporter spooled.
    await reporter!.finish().catch((error: unknown) => {
      if (ended) throw inAppWords(error)
    })
  }
  if (!ended) throw new ReportError('This run has not ended, so it has no report yet.')
}

/** A reporter's message names the flag of `courier run`; in the app there is none to name. */
function inAppWords(error: unknown): unknown {
  if (!(error instanceof ReportError)) return error
  return new ReportError(error.message.replace(/\s*\(courier run: [^)]*\)/, ''))
}
