import type { SendResult } from '../../../shared/ipc/contract'
import { authQueryParam, mergeHeaders } from '../../../shared/logic/headers'
import { buildUrl } from '../../../shared/logic/url'
import { resolvedOrAsWritten } from '../../../shared/logic/variables'
import type { Checks } from '../../../shared/model/assertion'
import type { HistoryEntry, HistorySummary, SendContext } from '../../../shared/model/history'
import type { RequestBody, RequestSpec } from '../../../shared/model/request'
import type { RequestError } from '../../../shared/model/requestError'
import type { ResponseRecord } from '../../../shared/model/response'
import type { RunItemRef } from '../../../shared/model/run'
import { cutBytes, indexedText } from './bodyCodec'
import { Masker } from './masking'

/** One send to keep. */
export interface AppendInput {
  /** When the request was sent, ms since the epoch. */
  at: number
  source: HistorySummary['source']
  context: SendContext
  /** The request given to the engine (variables not yet resolved), or null when unknown. */
  spec: RequestSpec | null
  /** The values `{{variables}}` were resolved with; those of `context.secretNames` are masked. */
  variables?: Readonly<Record<string, string>>
  result: SendResult
  /** The request as sent when there was no response; worked out from `spec` when absent. */
  sentOnError?: HistoryEntry['sentOnError']
  /** Where the send sat in a collection run, so the run's report can be rebuilt from history. */
  run?: RunPlace
}

/** A send's place in its run: what a RunExecution has that a history entry does not. */
export interface RunPlace {
  /** Order in the run, from 0. */
  index: number
  iteration: number
  item: RunItemRef
  /** Scripts run for it (one per level that has one). */
  scripts: { prerequest: number; test: number }
}

/** What entry_parts holds as 'detail': the entry minus its summary columns and bodies. */
export interface StoredDetail {
  edited: RequestSpec | null
  response: Omit<ResponseRecord, 'body'> | null
  error: RequestError | null
  sentOnError: HistoryEntry['sentOnError']
  checks: Checks | null
  /** Absent for a send on its own (and for run sends kept without their place). */
  run?: RunPlace
}

/** An entry ready for the database: masked, bodies cut, search text extracted. */
export interface EntryRecord {
  summary: Omit<HistorySummary, 'id' | 'runId'> & {
    host: string
    statusClass: string
    truncated: boolean
  }
  detail: StoredDetail
  /** The request body as sent (text), or null when there was none or it was a file. */
  requestBody: Buffer | null
  responseBody: Buffer | null
  search: {
    url: string
    requestHeaders: string
    responseHeaders: string
    requestBody: string
    responseBody: string
  }
}

/**
 * Masks and shapes one send for storage; bodies longer than `maxBodyBytes` are cut.
 * `keepCredentials` is the "keep credentials in history" setting (see MaskSources).
 */
export function toEntryRecord(
  input: AppendInput,
  maxBodyBytes: number,
  keepCredentials = false,
): EntryRecord {
  const variables = input.variables ?? {}
  const resolved = input.spec ? resolvedOrAsWritten(input.spec, variables) : null
  const response = input.result.ok ? input.result.response : null
  const error = input.result.ok ? null : input.result.error
  const rawSentOnError = response ? null : (input.sentOnError ?? unsentRequest(resolved))
  const masker = new Masker({
    secretNames: input.context.secretNames,
    variables,
    auth: resolved?.auth ?? null,
    headers: response?.sent.headers ?? rawSentOnError?.headers ?? [],
    responseHeaders: response?.headers ?? [],
    keepCredentials,
  })

  const sentOnError = rawSentOnError && {
    method: rawSentOnError.method,
    url: masker.url(rawSentOnError.url),
    headers: masker.headers(rawSentOnError.headers),
  }
  const requestText = resolved ? requestBodyText(resolved.body) : null
  const requestBytes = requestText === null ? null : Buffer.from(masker.text(requestText.stored))
  let responseText = ''
  let responseBytes: Buffer | null = null
  let storedResponse: StoredDetail['response'] = null
  if (response) {
    const { body, ...rest } = response
    if (response.bodyEncoding === 'utf8') {
      responseText = masker.text(body)
      responseBytes = Buffer.from(responseText, 'utf8')
    } else {
      responseBytes = Buffer.from(body, 'base64')
    }
    storedResponse = {
      ...masker.deep(rest),
      url: masker.url(rest.url),
      headers: masker.headers(rest.headers),
      redirects: rest.redirects.map((hop) => ({
        ...hop,
        url: masker.url(hop.url),
        location: masker.url(hop.location),
      })),
      sent: {
        ...rest.sent,
        url: masker.url(rest.sent.url),
        headers: masker.headers(rest.sent.headers),
        bodySummary: masker.text(rest.sent.bodySummary),
      },
    }
  }
  const cutRequest = requestBytes && cutBytes(requestBytes, maxBodyBytes, true)
  const cutResponse =
    responseBytes && cutBytes(responseBytes, maxBodyBytes, response?.bodyEncoding === 'utf8')
  const truncated =
    response?.bodyComplete === false ||
    (cutRequest?.length ?? 0) < (requestBytes?.length ?? 0) ||
    (cutResponse?.length ?? 0) < (responseBytes?.length ?? 0)

  const sent = storedResponse?.sent ?? sentOnError
  const url = storedResponse
    ? (storedResponse.redirects[0]?.url ?? storedResponse.sent.url)
    : (sentOnError?.url ?? '')
  const status = response?.status ?? null
  const checks = input.result.checks ?? null
  return {
    summary: {
      at: input.at,
      source: input.source,
      method: sent?.method ?? input.spec?.method ?? 'GET',
      url,
      host: hostOf(url),
      status,
      statusClass: status === null ? 'error' : `${Math.floor(status / 100)}xx`,
      errorCode: error?.code ?? null,
      durationMs: response?.timings.total ?? null,
      sizeBytes: response?.sizes.body ?? null,
      workspace: input.context.workspace,
      workspaceName: input.context.workspaceName,
      environment: input.context.environment,
      requestPath: input.context.requestPath,
      truncated,
      ...testCounts(checks),
    },
    detail: {
      edited: masker.deep(input.context.edited ?? input.spec),
      response: storedResponse,
      error: error && masker.deep(error),
      sentOnError,
      checks: checks && maskChecks(checks, masker),
      ...(input.run && { run: input.run }),
    },
    requestBody: cutRequest,
    responseBody: cutResponse,
    search: {
      url,
      requestHeaders: headerLines(sent?.headers ?? []),
      responseHeaders: headerLines(storedResponse?.headers ?? []),
      requestBody: requestText === null ? '' : indexedText(masker.text(requestText.searched)),
      responseBody: indexedText(responseText),
    },
  }
}

/** Tests run and failed (a script that failed as a whole counts as one), or nulls for none. */
function testCounts(checks: Checks | null): {
  testsTotal: number | null
  testsFailed: number | null
} {
  if (!checks) return { testsTotal: null, testsFailed: null }
  const failedScript = checks.scriptFailure ? 1 : 0
  return {
    testsTotal: checks.tests.length + failedScript,
    testsFailed: checks.tests.filter((t) => !t.passed).length + failedScript,
  }
}

/** What scripts printed and failures quote may hold secret values: masked like the rest. */
function maskChecks(checks: Checks, masker: Masker): Checks {
  return {
    tests: checks.tests.map((t) => ({
      ...t,
      name: masker.text(t.name),
      ...(t.error !== undefined && { error: masker.text(t.error) }),
    })),
    console: checks.console.map((line) => ({ ...line, text: masker.text(line.text) })),
    scriptFailure: checks.scriptFailure && {
      ...checks.scriptFailure,
      message: masker.text(checks.scriptFailure.message),
    },
  }
}

/** The host name of a URL, lower case; '' when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}

function headerLines(headers: readonly (readonly [string, string])[]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n')
}

/** What went out (or would have) when the engine returned an error instead of a response. */
function unsentRequest(spec: RequestSpec | null): HistoryEntry['sentOnError'] {
  if (!spec) return null
  const keyParam = authQueryParam(spec.auth)
  const built = buildUrl(spec.url, keyParam ? [...spec.params, keyParam] : spec.params)
  return { method: spec.method, url: built.ok ? built.url : spec.url, headers: mergeHeaders(spec) }
}

/** The body text kept (as sent) and the text searched (readable), or null for none or a file. */
function requestBodyText(body: RequestBody): { stored: string; searched: string } | null {
  switch (body.type) {
    case 'json':
    case 'raw':
      return { stored: body.text, searched: body.text }
    case 'form': {
      const fields = body.fields.filter((f) => f.enabled && f.key !== '')
      const form = new URLSearchParams(fields.map((f): [string, string] => [f.key, f.value]))
      return {
        stored: form.toString(),
        searched: fields.map((f) => `${f.key}=${f.value}`).join('\n'),
      }
    }
    case 'multipart': {
      const lines = body.parts
        .filter((p) => p.enabled)
        .map((p) => (p.kind === 'text' ? `${p.key}=${p.value}` : `${p.key}=@${p.path}`))
        .join('\n')
      return { stored: lines, searched: lines }
    }
    default:
      return null
  }
}
