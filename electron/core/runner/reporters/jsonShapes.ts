import type { RunExecution, RunFailure, RunSummary } from '../../../../shared/model/run'

/** Where an execution sits in the run, as newman's `cursor` says it. */
export interface JsonCursor {
  /** From 0. */
  iteration: number
  /** Its place among the requests of its iteration, from 0 (the collection's order unless setNextRequest jumped). */
  position: number
  /** Requests per iteration (before any setNextRequest jump). */
  length: number
  /** Iterations of the run. */
  cycles: number
}

/** A body as a report shows it: cut at `limit` characters, and whether it was cut. */
export function reportBody(
  body: string,
  truncated: boolean,
  limit: number | undefined,
): { body: string; truncated: boolean } {
  if (limit === undefined || body.length <= limit) return { body, truncated }
  return { body: body.slice(0, limit), truncated: true }
}

/**
 * One execution in newman's json shape (`run.executions[]`), with what Courier keeps:
 * the item, the request as sent, the response's head and body (cut at the report limit,
 * `bodyTruncated` when cut), each test as `{ assertion, error? }`, and the request or
 * script error when there was one.
 */
export function executionJson(e: RunExecution, cursor: JsonCursor, bodyLimit: number | undefined) {
  const r = e.response
  const body = r ? reportBody(r.body, r.bodyTruncated, bodyLimit) : null
  return {
    cursor: { ...cursor, index: e.index },
    item: { id: e.item.id, name: e.item.name, path: e.item.path },
    request: { method: e.method, url: e.url },
    response: r
      ? {
          code: r.status,
          status: r.statusText,
          responseTime: r.timeMs,
          responseSize: r.sizeBytes,
          header: r.headers.map(([key, value]) => ({ key, value })),
          body: body!.body,
          bodyTruncated: body!.truncated,
        }
      : null,
    requestError: e.error
      ? { name: 'RequestError', code: e.error.code, message: e.error.message, hint: e.error.hint }
      : null,
    scriptError: e.checks.scriptFailure
      ? {
          name: 'ScriptError',
          event: e.checks.scriptFailure.event === 'preRequest' ? 'prerequest' : 'test',
          script: e.checks.scriptFailure.script,
          message: e.checks.scriptFailure.message,
        }
      : null,
    assertions: e.checks.tests.map((t) =>
      t.passed
        ? { assertion: t.name, skipped: false }
        : {
            assertion: t.name,
            skipped: false,
            error: { name: 'AssertionError', message: t.error ?? 'failed' },
          },
    ),
    startedAt: new Date(e.startedAt).toISOString(),
  }
}

/** What the json reporter remembers of an execution that failed, for its failures. */
export interface FailedAt {
  position: number
  scriptEvent: 'prerequest' | 'test' | null
}

/**
 * One failure in newman's json shape (`run.failures[]`): the error (name, the test it
 * failed, message), `at` where it happened, the request as `source`, and the cursor.
 */
export function failureJson(
  f: RunFailure,
  at: FailedAt | undefined,
  cursor: Omit<JsonCursor, 'iteration' | 'position'>,
) {
  const place =
    f.kind === 'assertion'
      ? 'assertion'
      : f.kind === 'request'
        ? 'request'
        : `${at?.scriptEvent ?? 'test'}-script`
  return {
    error: {
      name:
        f.kind === 'assertion'
          ? 'AssertionError'
          : f.kind === 'script'
            ? 'ScriptError'
            : 'RequestError',
      test: f.kind === 'assertion' ? f.name : undefined,
      message: f.message,
    },
    at: place,
    source: { id: f.item.id, name: f.item.name, path: f.item.path },
    cursor: { ...cursor, iteration: f.iteration, position: at?.position ?? 0, index: f.execution },
  }
}

/** newman's `run.timings` and `run.transfers`, from the summary. */
export function runTimings(s: RunSummary) {
  return {
    timings: {
      started: s.startedAt,
      completed: s.finishedAt,
      responseAverage: s.averageResponseMs,
    },
    transfers: { responseTotal: s.totalBytes },
  }
}
