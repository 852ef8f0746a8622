import type { SendResult } from '../../shared/ipc/contract'
import type { SendContext } from '../../shared/model/history'
import type { RequestSpec } from '../../shared/model/request'
import type { RequestDefaults } from '../../shared/model/settings'
import type { SchemaCheck } from './assertions/schemaCheck'
import {
  checkedSend,
  type CheckedSend,
  type CheckedSendDeps,
  type CheckedSendInput,
} from './checks/checkedSend'
import type { ScriptPort } from './checks/scriptPort'
import type { AppendInput } from './history/entryRecord'
import type { HttpEngine } from './http/engine'
import type { FileGate } from './http/fileGate'
import type { JarCookies } from './cookies/jarCookies'
import { scriptHostOf } from './cookies/scriptCookieJar'

/** Where a send is kept: the app's history store (possibly later), or the CLI's. */
export interface HistorySink {
  /** Keeps the entry; a failure is the sink's to report and never fails the send. */
  keep(entry: AppendInput): void | Promise<void>
}

export interface SendAndRecordDeps {
  engine: HttpEngine
  scripts: ScriptPort | null
  schemas: SchemaCheck
  /** Null: the send is not kept (`courier send --no-history`). */
  history: HistorySink | null
  /** The whole text of a response's body, for scripts and assertions. */
  bodyText: CheckedSendDeps['bodyText']
}

export interface SendAndRecordInput extends CheckedSendInput {
  /** Lets the caller cancel it (`HttpEngine.cancel`). */
  requestId?: string
  defaults?: Partial<RequestDefaults>
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void
  source: AppendInput['source']
  /** Where it came from, for its history entry. */
  context: SendContext
  /** The local files its body may read (absent: none). */
  files?: FileGate
  /**
   * The cookie jar it reads and fills (absent: none); the request's `cookies` setting may
   * turn it off. Its scripts reach it through pm.cookies.jar().
   */
  cookies?: JarCookies
  /** What history keeps as the request (the app passes the body it already had). */
  recordedSpec?: RequestSpec
  /** The result as history keeps it (the CLI's whole body); the sent one by default. */
  forHistory?: (result: SendResult) => Promise<SendResult>
}

/** A saved request's place: its workspace's name, its folders' and its own. */
function locationOf(context: SendContext, requestName: string): string[] {
  const folders = context.requestPath?.split('/').slice(0, -1) ?? []
  return [
    ...(context.workspaceName !== null ? [context.workspaceName] : []),
    ...folders,
    requestName,
  ]
}

/**
 * The one path of a send, for the app and the command line alike: its scripts and
 * assertions around the engine's exchange (checkedSend), then the entry for history,
 * with the checks, the variables it was resolved with and where it came from.
 */
export async function sendAndRecord(
  deps: SendAndRecordDeps,
  input: SendAndRecordInput,
): Promise<CheckedSend> {
  const at = Date.now()
  const checked = await checkedSend(
    {
      send: (spec, variables) =>
        deps.engine.send({
          requestId: input.requestId,
          spec,
          variables,
          defaults: input.defaults,
          onProgress: input.onProgress,
          ...(input.files && { files: input.files }),
          ...(input.cookies && { cookies: input.cookies }),
          secretNames: input.context.secretNames,
          workspace: input.context.workspace,
        }),
      scripts: deps.scripts,
      scriptHost: scriptHostOf(input.cookies),
      schemas: deps.schemas,
      bodyText: deps.bodyText,
    },
    // Scripts read the active environment's name as pm.environment.name, and where the
    // request is saved as pm.execution.location.
    {
      ...input,
      environmentName: input.context.environment,
      location: input.location ?? locationOf(input.context, input.requestName),
    },
  )
  if (deps.history) {
    const result = input.forHistory ? await input.forHistory(checked.result) : checked.result
    await deps.history.keep({
      at,
      source: input.source,
      context: input.context,
      spec: input.recordedSpec ?? input.spec,
      variables: input.variables,
      result,
    })
  }
  return checked
}
