import { randomUUID } from 'node:crypto'
import type { SendResult } from '../../../shared/ipc/contract'
import type { ScriptLevel, VariableScopes } from '../../../shared/logic/checksInheritance'
import { resolveTextOrAsWritten } from '../../../shared/logic/variables'
import type { Checks } from '../../../shared/model/assertion'
import type { RequestSpec } from '../../../shared/model/request'
import type { ResponseRecord } from '../../../shared/model/response'
import type { SchemaCheck } from '../assertions/schemaCheck'
import { requestAsSent, toScriptRequest, withScriptEdits } from './scriptRequest'
import { failuresOf, ranCount, record, scriptTests, type ScriptEvent } from './scriptOutcome'
import type {
  ScriptHost,
  ScriptPort,
  ScriptRunOutput,
  ScriptSource,
  ScriptVariables,
  TypedValues,
} from './scriptPort'

export interface CheckedSendInput {
  /** The request as it will be sent (inheritance applied), variables not yet resolved. */
  spec: RequestSpec
  /** What `{{name}}` resolves from. */
  variables: Record<string, string>
  /** Scripts of the levels above, outermost first. */
  scriptLevels: readonly ScriptLevel[]
  /** The variables by scope, for scripts; absent: `variables` stands for the request scope. */
  scopes?: VariableScopes
  /** The request's name, for pm.info and for naming its script. */
  requestName: string
  /**
   * pm.info.requestId: in a run, the same for every iteration of the request (newman gives
   * the collection item's id). Absent: one made for this send, the same in both its events.
   */
  requestId?: string
  iteration?: number
  /** The run's iterations, for pm.info.iterationCount (1 for a single send). */
  iterationCount?: number
  /** The active environment's name, for pm.environment.name; null or absent: none. */
  environmentName?: string | null
  /**
   * The request's place, for pm.execution.location: the collection's (or workspace's)
   * name, its folders' and its own. Absent: the request's name alone.
   */
  location?: string[]
  iterationData?: Record<string, string>
  /** The values above (scopes, iteration data) that are not text, with their type. */
  typed?: TypedValues
  /** Limits of each script run (the sandbox's defaults where absent). */
  limits?: { memoryBytes?: number; cpuMs?: number }
  /**
   * `stop` (a single send): the first failing script ends the scripts, and a failing
   * pre-request script sends nothing, so it can be fixed. `continue` (a collection run, as
   * newman and Postman's runner): the other scripts run, the request is sent, and the
   * post-response scripts run even when there is no response.
   */
  onScriptError?: 'stop' | 'continue'
}

export interface CheckedSendDeps {
  /** Sends one request (the engine). */
  send: (spec: RequestSpec, variables: Record<string, string>) => Promise<SendResult>
  /** The sandbox; null where scripts cannot run (a request with scripts then fails to send). */
  scripts: ScriptPort | null
  /** The send's jar, for pm.cookies.jar() and pm.sendRequest (absent: none). */
  scriptHost?: ScriptHost
  schemas: SchemaCheck
  /** A response's whole body as text (read back from the body store for big ones); null for binary. */
  bodyText: (response: ResponseRecord) => Promise<string | null>
}

export interface CheckedSend {
  result: SendResult
  /** The variables by scope after every script, for the caller to keep; null when no script ran. */
  variables: ScriptVariables | null
  /** `setNextRequest` of the last script that called it (undefined: not called). */
  nextRequest?: string | null
  /** Scripts that ran, per event (a run counts them as newman does). */
  scriptsRun: { preRequest: number; postResponse: number }
  /** pm.sendRequest calls of its scripts, and those that got no response. */
  sentRequests?: { total: number; failed: number }
}

/** What a post-response script sees when the request got no response (newman gives it one too). */
const NO_RESPONSE = { code: 0, status: '', headers: [], body: '', responseTime: 0, size: 0 }

/** The scripts of one event: the levels above, then the request's own; empty ones left out. */
function sourcesOf(input: CheckedSendInput, event: ScriptEvent): ScriptSource[] {
  // Whose script it is (pm.execution.location.current): a folder's, else the collection's.
  const root = input.location?.[0]
  const levels = input.scriptLevels.map((l) => {
    const item = l.item ?? root
    return { name: l.name, source: l.scripts[event], ...(item !== undefined && { item }) }
  })
  const own = {
    name: `request ${input.requestName}`,
    source: input.spec.scripts?.[event] ?? '',
    item: input.requestName,
  }
  return [...levels, own].filter((s) => s.source.trim() !== '')
}

function initialVariables(input: CheckedSendInput): ScriptVariables {
  const scopes = input.scopes ?? {
    globals: {},
    collection: {},
    environment: {},
    request: input.variables,
  }
  return {
    local: { ...scopes.request },
    iterationData: { ...(input.iterationData ?? {}) },
    environment: { ...scopes.environment },
    collection: { ...scopes.collection },
    globals: { ...scopes.globals },
    ...(input.typed && { typed: input.typed }),
  }
}

/**
 * What `{{name}}` resolves from once scripts changed variables: the caller's map (which
 * may hold overrides such as COURIER_VAR_*), with every scope's values on top in Postman's
 * order, local (pm.variables.set) strongest.
 */
function resolutionMap(base: Record<string, string>, v: ScriptVariables): Record<string, string> {
  return {
    ...base,
    ...v.globals,
    ...v.collection,
    ...v.environment,
    ...v.iterationData,
    ...v.local,
  }
}

/**
 * One send with its checks, as Postman runs it: the pre-request scripts (levels above
 * first; they may edit the request and set variables), the request, the post-response
 * scripts, then the assertions. In a single send a pre-request script that fails stops
 * the send (error SCRIPT); a post-response failure keeps the response and fails the
 * checks. In a run (`onScriptError: 'continue'`) nothing stops but a skipRequest.
 */
export async function checkedSend(
  deps: CheckedSendDeps,
  input: CheckedSendInput,
): Promise<CheckedSend> {
  const pre = sourcesOf(input, 'preRequest')
  const post = sourcesOf(input, 'postResponse')
  const assertions = input.spec.assertions ?? []
  const scriptsRun = { preRequest: 0, postResponse: 0 }
  if (pre.length === 0 && post.length === 0 && assertions.length === 0) {
    return { result: await deps.send(input.spec, input.variables), variables: null, scriptsRun }
  }
  const go = input.onScriptError === 'continue'
  const checks: Checks = { tests: [], console: [], scriptFailure: null }
  let variables = initialVariables(input)
  let spec = input.spec
  let nextRequest: string | null | undefined
  const requestId = input.requestId ?? randomUUID()
  const info = (eventName: 'prerequest' | 'test') => ({
    requestName: input.requestName,
    requestId,
    iteration: input.iteration ?? 0,
    eventName,
    ...(input.iterationCount !== undefined && { iterationCount: input.iterationCount }),
    ...(input.environmentName != null && { environmentName: input.environmentName }),
    location: input.location ?? [input.requestName],
  })
  const sentRequests = { total: 0, failed: 0 }
  const countSends = (output: ScriptRunOutput) => {
    sentRequests.total += output.sentRequests?.total ?? 0
    sentRequests.failed += output.sentRequests?.failed ?? 0
  }
  const done = (result: SendResult): CheckedSend => ({
    result,
    variables,
    nextRequest,
    scriptsRun,
    ...(sentRequests.total > 0 && { sentRequests }),
  })

  if (pre.length > 0) {
    const output = await runScripts(deps, pre, {
      event: 'prerequest',
      request: toScriptRequest(spec, input.requestName),
      variables,
      info: info('prerequest'),
      limits: input.limits,
      ...(go && { continueOnError: true }),
    })
    if ('unavailable' in output) return unavailable(output.unavailable, checks)
    scriptsRun.preRequest = ranCount(pre, output, go)
    countSends(output)
    checks.tests.push(...scriptTests(output, 'preRequest'))
    checks.console.push(...output.console)
    variables = output.variables
    if (output.nextRequest !== undefined) nextRequest = output.nextRequest
    record(checks, failuresOf(output, 'preRequest'))
    if (checks.scriptFailure && !go) {
      const f = checks.scriptFailure
      return done({
        ok: false,
        error: {
          code: 'SCRIPT',
          message: `The pre-request script of ${f.script} failed${f.line ? ` at line ${f.line}` : ''}: ${f.message}`,
          hint: f.limit
            ? 'Make the script do less, or raise the limit in Settings.'
            : 'Fix the script in the Scripts tab; nothing was sent.',
        },
        checks,
      })
    }
    if (output.skipRequest) {
      return done({
        ok: false,
        error: {
          code: 'SCRIPT',
          message: 'A pre-request script skipped this request (pm.execution.skipRequest).',
          hint: 'Nothing was sent.',
        },
        checks,
      })
    }
    spec = withScriptEdits(spec, output.request)
  }

  const resolving = resolutionMap(input.variables, variables)
  const sent = await deps.send(spec, resolving)
  const body = sent.ok ? await deps.bodyText(sent.response) : null

  if (post.length > 0 && (sent.ok || go)) {
    const output = await runScripts(deps, post, {
      event: 'test',
      request: requestAsSent(spec, input.requestName, resolving, sent),
      response: sent.ok
        ? {
            code: sent.response.status,
            status: sent.response.statusText,
            headers: sent.response.headers.map(([n, v]) => [n, v] as [string, string]),
            body: body ?? '',
            responseTime: sent.response.timings.total,
            size: sent.response.sizes.body,
          }
        : NO_RESPONSE,
      variables,
      info: info('test'),
      limits: input.limits,
      ...(go && { continueOnError: true }),
    })
    if ('unavailable' in output) return unavailable(output.unavailable, checks, sent)
    scriptsRun.postResponse = ranCount(post, output, go)
    countSends(output)
    checks.tests.push(...scriptTests(output, 'postResponse'))
    checks.console.push(...output.console)
    variables = output.variables
    if (output.nextRequest !== undefined) nextRequest = output.nextRequest
    record(checks, failuresOf(output, 'postResponse'))
  }
  if (!sent.ok || assertions.length === 0) return done({ ...sent, checks })

  const final = resolutionMap(input.variables, variables)
  // Loaded when there are rows to check: JSONPath and the comparisons are not needed otherwise.
  const { evaluateAssertions } = await import('../assertions/evaluateAssertions')
  checks.tests.push(
    ...(await evaluateAssertions(
      assertions,
      {
        status: sent.response.status,
        headers: sent.response.headers,
        bodyText: body,
        responseTimeMs: sent.response.timings.total,
        bodyBytes: sent.response.sizes.body,
      },
      { resolve: (text) => resolveTextOrAsWritten(text, final), schemas: deps.schemas },
    )),
  )
  return done({ ...sent, checks })
}

async function runScripts(
  deps: CheckedSendDeps,
  scripts: ScriptSource[],
  input: Omit<Parameters<ScriptPort['run']>[0], 'scripts'>,
): Promise<ScriptRunOutput | { unavailable: string }> {
  if (!deps.scripts) return { unavailable: 'scripts cannot run in this process' }
  return deps.scripts.run({ ...input, scripts }, deps.scriptHost)
}

/** Scripts that could not run at all: the send counts as failed, saying why. */
function unavailable(reason: string, checks: Checks, sent?: SendResult): CheckedSend {
  const scriptFailure = {
    script: 'sandbox',
    event: 'preRequest' as const,
    message: `The scripts did not run: ${reason}.`,
  }
  const withFailure = { ...checks, scriptFailure }
  const scriptsRun = { preRequest: 0, postResponse: 0 }
  if (sent) return { result: { ...sent, checks: withFailure }, variables: null, scriptsRun }
  return {
    scriptsRun,
    result: {
      ok: false,
      error: { code: 'SCRIPT', message: scriptFailure.message, hint: 'Nothing was sent.' },
      checks: withFailure,
    },
    variables: null,
  }
}
