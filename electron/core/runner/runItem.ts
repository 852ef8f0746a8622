import type { SendResult } from '../../../shared/ipc/contract'
import { resolveTextOrAsWritten } from '../../../shared/logic/variables'
import type { ChecksSchema } from '../../../shared/model/assertion'
import { SendContextSchema } from '../../../shared/model/history'
import type { RunExecution, RunResponse } from '../../../shared/model/run'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { z } from 'zod'
import type { SchemaCheck } from '../assertions/schemaCheck'
import { bodyTextOf } from '../checks/bodyText'
import { checkedSend } from '../checks/checkedSend'
import type { ScriptPort } from '../checks/scriptPort'
import { scriptHostOf } from '../cookies/scriptCookieJar'
import type { AppendInput } from '../history/entryRecord'
import type { HttpEngine } from '../http/engine'
import type { FileGate } from '../http/fileGate'
import { typedValuesOf } from './iterationData'
import { maskExecution, runMasker } from './maskExecution'
import type { RunCookies } from './runCookies'
import type { RunPlan, RunPlanItem } from './runPlan'
import type { RunVariables } from './runVariables'

export interface RunItemDeps {
  engine: HttpEngine
  scripts: ScriptPort | null
  schemas: SchemaCheck
  /** Keeps the send in history; resolves to its entry's id (null: not kept). */
  keep: ((entry: AppendInput) => Promise<number | null>) | null
  /** The local files a body may read (absent: none). */
  files?: FileGate
}

export interface RunItemInput {
  plan: RunPlan
  item: RunPlanItem
  index: number
  iteration: number
  /** The run's iterations (pm.info.iterationCount). */
  iterations: number
  iterationData: Record<string, string>
  variables: RunVariables
  cookies: RunCookies | null
  defaults?: Partial<RequestDefaults>
  limits?: { memoryBytes?: number; cpuMs?: number }
  reportBodyBytes: number
  requestId: string
  /** pm.info.requestId: the same for this request in every iteration of the run. */
  scriptRequestId: string
  signal?: AbortSignal
  source: AppendInput['source']
}

export interface ItemOutcome {
  execution: RunExecution
  /** setNextRequest: a name to jump to, null to end the iteration, undefined to go on. */
  nextRequest?: string | null
}

/** What reports keep of a response: its head and at most `limit` characters of its body. */
function reportResponse(
  result: SendResult,
  text: string | null,
  limit: number,
): RunResponse | null {
  if (!result.ok) return null
  const r = result.response
  const whole = text ?? (r.bodyEncoding === 'utf8' ? r.body : '')
  return {
    status: r.status,
    statusText: r.statusText,
    timeMs: r.timings.total,
    sizeBytes: r.sizes.body,
    headersBytes: r.sizes.headers,
    headers: r.headers.map(([n, v]) => [n, v] as [string, string]),
    body: whole.length > limit ? whole.slice(0, limit) : whole,
    bodyTruncated: whole.length > limit || (text === null && !r.bodyComplete),
  }
}

/**
 * One request of one iteration, as Postman's runner does it: its scripts and assertions
 * around the send (checkedSend), the run's cookies and variables carried in and out, then
 * a record for the reports that holds no more of the body than they show. The body store
 * lets go of the body at once, so a long run does not grow.
 */
export async function runItem(deps: RunItemDeps, input: RunItemInput): Promise<ItemOutcome> {
  const { item, plan } = input
  const scopes = input.variables.scopesFor(item)
  const resolving = input.variables.resolving(scopes, input.iterationData)
  const startedAt = Date.now()
  let bodyText: string | null = null
  const checked = await checkedSend(
    {
      send: async (spec, vars) => {
        const sending = deps.engine.send({
          requestId: input.requestId,
          spec,
          variables: vars,
          defaults: input.defaults,
          ...(deps.files && { files: deps.files }),
          secretNames: plan.secretNames,
          ...(input.cookies && { cookies: input.cookies }),
          workspace: plan.workspace?.dir ?? null,
        })
        // Stopped while its scripts ran: the run's abort listener found nothing to cancel yet.
        if (input.signal?.aborted) deps.engine.cancel(input.requestId)
        return sending
      },
      scripts: deps.scripts,
      scriptHost: scriptHostOf(input.cookies),
      schemas: deps.schemas,
      bodyText: async (response) => (bodyText = await bodyTextOf(response, deps.engine.bodies)),
    },
    {
      spec: item.spec,
      variables: resolving,
      scriptLevels: item.scriptLevels,
      scopes,
      requestName: item.name,
      requestId: input.scriptRequestId,
      iteration: input.iteration,
      iterationCount: input.iterations,
      environmentName: plan.environmentName,
      location: [plan.workspace?.name ?? plan.name, ...item.folders, item.name],
      iterationData: input.iterationData,
      typed: input.variables.typedFor(typedValuesOf(input.iterationData)),
      limits: input.limits,
      onScriptError: 'continue',
    },
  )
  if (checked.variables) input.variables.keep(scopes, checked.variables)
  const result = checked.result
  const checks: z.infer<typeof ChecksSchema> = result.checks ?? {
    tests: [],
    console: [],
    scriptFailure: null,
  }
  const historyId = deps.keep
    ? await deps.keep({
        at: startedAt,
        source: input.source,
        context: SendContextSchema.parse({
          workspace: plan.workspace?.dir ?? null,
          workspaceName: plan.workspace?.name ?? null,
          environment: plan.environmentName,
          requestPath: plan.workspace ? item.id : null,
          secretNames: plan.secretNames,
        }),
        spec: item.spec,
        variables: resolving,
        result,
        // Its place in the run, so the run's report can be rebuilt from history.
        run: {
          index: input.index,
          iteration: input.iteration,
          item: { id: item.id, name: item.name, path: item.path },
          scripts: {
            prerequest: checked.scriptsRun.preRequest,
            test: checked.scriptsRun.postResponse,
          },
        },
      })
    : null
  const plain: RunExecution = {
    index: input.index,
    iteration: input.iteration,
    item: { id: item.id, name: item.name, path: item.path },
    method: result.ok ? result.response.sent.method : item.spec.method,
    url: result.ok ? result.response.sent.url : resolveTextOrAsWritten(item.spec.url, resolving),
    startedAt,
    response: reportResponse(result, bodyText, input.reportBodyBytes),
    error: result.ok ? null : result.error,
    checks,
    scripts: { prerequest: checked.scriptsRun.preRequest, test: checked.scriptsRun.postResponse },
    ...(checked.sentRequests && { sentRequests: checked.sentRequests }),
    historyId,
  }
  const masker = runMasker(plan.secretNames, item.spec, resolving, result)
  const execution = masker ? maskExecution(plain, masker) : plain
  if (result.ok && result.response.bodyId) await deps.engine.bodies.release(result.response.bodyId)
  return { execution, nextRequest: checked.nextRequest }
}
