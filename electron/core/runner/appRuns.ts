import { rm } from 'node:fs/promises'
import type { CookieJar } from 'tough-cookie'
import { resolve } from 'node:path'
import { CallError } from '../../../shared/ipc/callError'
import type {
  RunDataInfo,
  RunEventPayload,
  RunReportFormat,
  RunScope,
  RunStartArgs,
} from '../../../shared/ipc/runCalls'
import type { BodySaveResult } from '../../../shared/model/body'
import type { RunExecution } from '../../../shared/model/run'
import type { Settings } from '../../../shared/model/settings'
import type { SchemaCheck } from '../assertions/schemaCheck'
import { asCall, messageOf } from '../callFailure'
import type { ScriptPort } from '../checks/scriptPort'
import type { FileConsentStore } from '../files/fileConsentStore'
import { unconfirmedFiles } from '../http/fileGate'
import type { HttpEngine } from '../http/engine'
import type { WorkspaceApi } from '../workspace/workspaceApi'
import { readIterationData } from './iterationData'
import { planFromWorkspace, type WorkspacePlanOptions } from './planFromWorkspace'
import { runCollection, type RunHistorySink } from './runCollection'
import { runEventBatches } from './runEventBatches'
import type { RunPlan } from './runPlan'
import { reportFileName, writeRunReport } from './runReportFile'
import { RunSpool } from './runSpool'

/** Ended runs kept for details and export; an older one's spool file is deleted. */
const RUNS_KEPT = 5

/**
 * Where a report goes: the app asks with its save dialog and writes there; browser mode
 * writes a temporary file and offers it as a download. `write` makes the report at a path.
 */
export type SaveReport = (
  fileName: string,
  write: (path: string) => Promise<void>,
) => Promise<BodySaveResult>

export interface AppRunsDeps {
  engine: HttpEngine
  scripts: ScriptPort | null
  schemas: SchemaCheck
  workspace: WorkspaceApi
  /** The app's settings, read at each start (timeout, redirects, TLS, script limits). */
  settings: () => Pick<Settings, 'requestDefaults' | 'scriptLimits'>
  /** Keeps each run and its sends in history; null when there is no history. */
  history: RunHistorySink | null
  /** This session's folder for run spools (removed with the session). */
  spoolDir: string
  /** Sends `run:event` to the window. */
  emit: (payload: RunEventPayload) => void
  saveReport: SaveReport
  /** Values that win over every saved one (COURIER_VAR_*, --secrets), as for a send. */
  overrides?: Record<string, string>
  /**
   * The files the user confirmed for upload per workspace: a run reads only those (the
   * others fail with FILE_NOT_CONFIRMED; a single Send of the request asks). Absent: none.
   */
  fileConsents?: FileConsentStore
  /**
   * The workspaces' cookie jars: a run that keeps cookies starts from a copy of its
   * workspace's jar, and puts its own back when asked (`saveCookies`). Absent: empty jars.
   */
  cookies?: RunJars
}

/** What a run needs of the workspaces' jars (WorkspaceCookies). */
export interface RunJars {
  copyOf(workspace: string | null): CookieJar
  replace(workspace: string | null, jar: CookieJar): void
}

interface AppRun {
  name: string
  controller: AbortController
  spool: RunSpool
  ended: boolean
  /** The run broke before its end ('failed'): it has no report. */
  broken: boolean
  finished: Promise<void>
}

/** The app's runs: the Runner's calls, over runCollection, with each run kept on disk. */
export interface AppRuns {
  start(args: RunStartArgs): Promise<{ runId: string; name: string }>
  /** The files the run would upload that the user has not confirmed (see fileGate's unconfirmedFiles). */
  filesToConfirm(args: Pick<RunStartArgs, 'scope' | 'environment'>): Promise<string[]>
  stop(runId: string): boolean
  readData(path: string): Promise<RunDataInfo>
  execution(runId: string, index: number): Promise<RunExecution>
  exportReport(runId: string, format: RunReportFormat): Promise<BodySaveResult>
  /** Stops every run and deletes the spools. */
  close(): Promise<void>
}

function planOptions(scope: RunScope, environment: string | null): WorkspacePlanOptions {
  if (scope.kind === 'requests') return { requests: scope.paths, environment }
  return { folder: scope.kind === 'folder' ? scope.path : '', environment }
}

/** Overrides win over every scope, as they do for one send. */
function withOverrides(plan: RunPlan, overrides: Record<string, string> | undefined): RunPlan {
  if (!overrides || Object.keys(overrides).length === 0) return plan
  return {
    ...plan,
    items: plan.items.map((item) => ({ ...item, request: { ...item.request, ...overrides } })),
    secretNames: [...new Set([...plan.secretNames, ...Object.keys(overrides)])],
  }
}

export function createAppRuns(deps: AppRunsDeps): AppRuns {
  const runs = new Map<string, AppRun>()

  async function workspaceDir(): Promise<string> {
    return (await deps.workspace.snapshot()).dir
  }

  async function plan(args: Pick<RunStartArgs, 'scope' | 'environment'>): Promise<RunPlan> {
    const snapshot = await deps.workspace.snapshot()
    const planned = await planFromWorkspace(
      {
        snapshot,
        readRequest: (path) => deps.workspace.readRequest(path),
        globals: deps.workspace.globals(),
      },
      planOptions(args.scope, args.environment),
    )
    if (planned.items.length === 0) {
      throw new CallError(
        'FAILED',
        `There is nothing to run: "${planned.name}" has no saved requests. Save requests in it, then run it.`,
      )
    }
    const named =
      args.scope.kind === 'requests' && args.scope.name
        ? { ...planned, name: args.scope.name }
        : planned
    return withOverrides(named, deps.overrides)
  }

  function prune(): void {
    const ended = [...runs.entries()].filter(([, run]) => run.ended)
    for (const [runId, run] of ended.slice(0, Math.max(0, ended.length - RUNS_KEPT))) {
      runs.delete(runId)
      void run.spool.remove().catch(() => undefined)
    }
  }

  function kept(runId: string): AppRun {
    const run = runs.get(runId)
    if (!run) {
      throw new CallError(
        'FAILED',
        `This run is no longer kept: the last ${RUNS_KEPT} runs of this session are. Run it again.`,
      )
    }
    return run
  }

  return {
    async filesToConfirm(args) {
      if (!deps.fileConsents) return []
      const planned = await asCall(() => plan(args))
      const gate = deps.fileConsents.gate(planned.workingDir)
      return unconfirmedFiles(
        planned.items.map((item) => item.spec.body),
        gate,
      )
    },
    async start(args) {
      if (runs.has(args.runId)) {
        throw new CallError(
          'INVALID_ARGUMENTS',
          `A run "${args.runId}" exists already: give each run its own id.`,
        )
      }
      const { planned, data } = await asCall(async () => {
        const data = args.dataFile
          ? await readIterationData(resolve(await workspaceDir(), args.dataFile))
          : undefined
        return { planned: await plan(args), data }
      })
      const files = deps.fileConsents?.gate(planned.workingDir, args.allowFiles)
      const cookieJar = args.keepCookies ? deps.cookies?.copyOf(planned.workingDir) : undefined
      const settings = deps.settings()
      const spool = await asCall(() => RunSpool.create(deps.spoolDir, args.runId))
      const batches = runEventBatches(args.runId, deps.emit)
      const controller = new AbortController()
      const run: AppRun = {
        name: planned.name,
        controller,
        spool,
        ended: false,
        broken: false,
        finished: Promise.resolve(),
      }
      runs.set(args.runId, run)
      run.finished = runCollection(
        {
          engine: deps.engine,
          scripts: deps.scripts,
          schemas: deps.schemas,
          history: deps.history,
          ...(files && { files }),
        },
        planned,
        {
          runId: args.runId,
          iterations: args.iterations,
          data,
          delayMs: args.delayMs,
          bail: args.bail,
          keepCookies: args.keepCookies,
          ...(cookieJar && { cookieJar }),
          defaults: settings.requestDefaults,
          scriptLimits: {
            cpuMs: settings.scriptLimits.cpuMs,
            memoryBytes: settings.scriptLimits.memoryMB * 1024 * 1024,
          },
          signal: controller.signal,
          source: 'app',
        },
        async (event) => {
          await spool.append(event)
          batches.push(event)
        },
      )
        .then(
          () => {
            // A run stopped midway keeps what it received too: those cookies were set.
            if (cookieJar && args.saveCookies) deps.cookies?.replace(planned.workingDir, cookieJar)
          },
          (error: unknown) => {
            run.broken = true
            batches.push({ type: 'failed', message: `The run broke off: ${messageOf(error)}` })
          },
        )
        .finally(() => {
          batches.flush()
          run.ended = true
          prune()
        })
      return { runId: args.runId, name: planned.name }
    },

    stop(runId) {
      const run = runs.get(runId)
      if (!run || run.ended) return false
      run.controller.abort()
      return true
    },

    async readData(path) {
      return asCall(async () => {
        const absolute = resolve(await workspaceDir(), path)
        const rows = await readIterationData(absolute)
        const columns = new Set<string>()
        for (const row of rows) for (const name of Object.keys(row)) columns.add(name)
        return { path: absolute, columns: [...columns], rows: rows.length }
      })
    },

    async execution(runId, index) {
      const execution = await asCall(() => kept(runId).spool.execution(index))
      if (!execution) {
        throw new CallError('FAILED', `This run has no request number ${index + 1} (yet).`)
      }
      return execution
    },

    async exportReport(runId, format) {
      const run = kept(runId)
      if (!run.ended) {
        throw new CallError(
          'FAILED',
          'The run is still going: wait for it to end, or stop it, then export.',
        )
      }
      if (run.broken) {
        throw new CallError(
          'FAILED',
          'This run broke off before its end, so it has no report. Run it again.',
        )
      }
      return asCall(() =>
        deps.saveReport(reportFileName(run.name, format), (path) =>
          writeRunReport(run.spool.events(), format, path),
        ),
      )
    },

    async close() {
      for (const run of runs.values()) run.controller.abort()
      await Promise.all([...runs.values()].map((run) => run.finished))
      await Promise.all([...runs.values()].map((run) => run.spool.remove().catch(() => undefined)))
      runs.clear()
      await rm(deps.spoolDir, { recursive: true, force: true })
    },
  }
}
