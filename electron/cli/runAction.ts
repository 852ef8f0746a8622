import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { RunSummary } from '../../shared/model/run'
import { SchemaCheck } from '../core/assertions/schemaCheck'
import { HttpEngine } from '../core/http/engine'
import { lowerBackgroundThreads } from './backgroundThreads'
import { cliOAuth2Tokens } from './cliOAuth2'
import { IterationDataError, readIterationData } from '../core/runner/iterationData'
import { PlanSelectionError, planFromImport } from '../core/runner/planFromImport'
import { runCollection, type RunOptions } from '../core/runner/runCollection'
import { ReportError } from '../core/runner/reporters/reportError'
import { emitTo, finishAll, type RunReporter } from '../core/runner/reporters/runReporter'
import { planScripts, type RunPlan } from '../core/runner/runPlan'
import { readExternalOverrides } from '../core/secrets/externalSecrets'
import { UsageError, type CliIo } from './cliIo'
import { cliFileGate, realPath, refuseUnconfirmedRunFiles } from './cliFileGate'
import { cliScriptRunner } from './cliScripts'
import type { FileFlags } from './fileFlags'
import { cliProxyRouter } from './cliProxy'
import type { ProxyFlags } from './proxyFlags'
import type { CookieJarFlags } from './cookieJarFlag'
import { resolveRunFiles } from './runFiles'
import { parseRunFlags, type RunFlags, type RunSettings } from './runFlags'
import { runHistory } from './runHistory'
import { applyOverrides } from './runOverrides'
import { createRunReporters } from './runReporting'
import { readCollection, readVariableFile } from './runSources'
import { schemaReader } from './schemaReader'
import type { TlsFlags } from './tlsFlags'
import { tlsFromFlags } from './tlsFromFlags'

/**
 * `courier run`: reads every input first (a bad file is exit 2 before anything is sent),
 * runs the plan with the app's runner, streams each request to the reporters, and exits
 * as newman does: 1 when anything failed or the run was stopped, 0 otherwise.
 */
export async function runRun(
  target: string | undefined,
  flags: RunFlags & FileFlags & ProxyFlags & TlsFlags & CookieJarFlags,
  io: CliIo,
): Promise<number> {
  // V8's compiler and GC helpers yield to the run and to the server it tests (see there).
  lowerBackgroundThreads()
  const settings = parseRunFlags(target, flags, isFile)
  // Read and checked before anything else: a bad certificate file is exit 2 at once.
  const tls = tlsFromFlags(flags)
  const workingDir = resolve(flags.workingDir ?? '.')
  const quiet = flags.silent === true
  const note = (message: string) => {
    if (!quiet) io.stderr(`Note: ${message}\n`)
  }
  // A secrets file that cannot be read is refused before anything else is read.
  const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
  const plan = await planFor(settings, flags, workingDir, io, note)
  const unsupplied = applyOverrides(plan, overrides)
  if (unsupplied.length > 0) {
    note(
      `requests of this run use ${unsupplied.map((n) => `{{${n}}}`).join(', ')}, secret in the workspace and given no value here; they fail as unresolved. Give values as COURIER_VAR_${unsupplied[0]}=… or in a --secrets FILE.`,
    )
  }
  Object.assign(plan.environment, settings.envVars)
  Object.assign(plan.globals, settings.globalVars)
  // Files named by the requests are read only when the user allowed them (exit 2 otherwise).
  const files = cliFileGate(plan.workingDir ?? workingDir, flags)
  refuseUnconfirmedRunFiles(plan, files)
  const data = flags.iterationData ? await dataRows(flags.iterationData) : undefined
  const jarFile = flags.cookieJar
    ? await (await import('./cookieJarFile')).openCookieJarFile(flags.cookieJar)
    : null
  const reporters = createRunReporters(settings, flags, io)

  const engine: HttpEngine = new HttpEngine({
    proxy: cliProxyRouter(flags),
    oauth2: cliOAuth2Tokens(io, () => engine),
    tls,
  })
  const defaults: RunOptions['defaults'] = {
    timeoutMs: settings.timeoutMs,
    ...(flags.insecure && { verifyTls: false }),
    ...(flags.ignoreRedirects && { followRedirects: false }),
    ...(flags.locationTrusted && { keepCredentialsAcrossOrigins: true }),
  }
  const scripts = usesScripts(plan) ? await cliScriptRunner(engine, { defaults }) : null
  const stop = new AbortController()
  // The first Ctrl-C cancels the request in flight and ends the run; the reports are then
  // written. Later ones are ignored: a library that cleans up on SIGINT (when-exit, under
  // conf) raises it again at once, which must not cut the reports short.
  const onSigint = () => {
    if (stop.signal.aborted) return
    if (!quiet) io.stderr('\nStopping the run: the reports are being written…\n')
    stop.abort()
  }
  process.on('SIGINT', onSigint)
  try {
    const summary = await runCollection(
      {
        engine,
        scripts,
        schemas: new SchemaCheck(schemaReader(plan.workingDir ?? workingDir)),
        history: flags.history ? runHistory(io) : null,
        files,
      },
      plan,
      {
        ...(settings.iterations !== undefined && { iterations: settings.iterations }),
        ...(data && { data }),
        delayMs: settings.delayMs,
        bail: settings.bail,
        defaults,
        ...(settings.scriptCpuMs !== undefined && {
          scriptLimits: { cpuMs: settings.scriptCpuMs },
        }),
        signal: stop.signal,
        source: 'cli',
        ...(jarFile && { cookieJar: jarFile.cookies.jar }),
      },
      emitTo(reporters),
    )
    // The cli reporter already says why the run ended early, under its summary.
    const told = settings.reporters.includes('cli')
    if (summary.end !== 'completed' && summary.endMessage && !told) note(summary.endMessage)
    const code = exitCode(summary, flags)
    await jarFile?.save()
    return (await reportsWritten(reporters, io)) ? code : Math.max(code, 1)
  } finally {
    process.off('SIGINT', onSigint)
    await scripts?.close()
    engine.close()
  }
}

/** Finishes every reporter; one that could not write its file is an error on stderr. */
async function reportsWritten(reporters: RunReporter[], io: CliIo): Promise<boolean> {
  try {
    await finishAll(reporters)
    return true
  } catch (error) {
    if (!(error instanceof ReportError)) throw error
    io.stderr(`Error: ${error.message}\n`)
    return false
  }
}

/** newman's exit code: 1 when a test, a script or a request failed, or the run did not finish. */
function exitCode(summary: RunSummary, flags: RunFlags): number {
  if (flags.suppressExitCode) return 0
  return summary.failures.length > 0 || summary.end !== 'completed' ? 1 : 0
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The plan of a collection file with its environment and globals files, or of a workspace. */
async function planFor(
  settings: RunSettings,
  flags: RunFlags & FileFlags,
  workingDir: string,
  io: CliIo,
  note: (message: string) => void,
): Promise<RunPlan> {
  if (settings.collectionFile === null) {
    // Loaded only for a workspace: it brings the app's settings store (conf) along.
    const { planFromSavedWorkspace } = await import('./runWorkspace')
    return planFromSavedWorkspace(
      {
        folder: settings.workspaceFolder,
        ...(flags.workspace !== undefined && { workspaceDir: flags.workspace }),
        ...(flags.env !== undefined && { environment: flags.env }),
      },
      io,
    )
  }
  const { result, notes } = await readCollection(settings.collectionFile)
  for (const n of notes) note(n)
  const environment = flags.environment
    ? await readVariableFile('-e/--environment', flags.environment)
    : null
  const globals = flags.globals ? await readVariableFile('-g/--globals', flags.globals) : null
  try {
    const plan = planFromImport(result, {
      only: settings.only,
      environment: environment?.values ?? {},
      environmentName: environment?.name ?? null,
      globals: globals?.values ?? {},
      workingDir,
    })
    const named = cliFileGate(workingDir, { allowFile: flags.allowFile ?? [] })
    resolveRunFiles(plan, workingDir, (path) => named.allows(realPath(path)))
    return plan
  } catch (error) {
    if (error instanceof PlanSelectionError) throw new UsageError(error.message)
    throw error
  }
}

async function dataRows(path: string) {
  try {
    return await readIterationData(path)
  } catch (error) {
    if (error instanceof IterationDataError) throw new UsageError(`-d: ${error.message}`)
    throw error
  }
}

function usesScripts(plan: RunPlan): boolean {
  return planScripts(plan).length > 0
}
