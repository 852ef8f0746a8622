/**
 * The script sandbox as the host uses it: `createScriptRunner(...)` keeps one warm worker
 * thread (scriptWorker.ts) where scripts run in QuickJS, never on this thread and never
 * with node:vm. It checks what goes in and what comes back, relays pm.sendRequest to the
 * caller's `sendRequest`, and guards the wall clock itself: a worker that stops answering
 * is replaced, and the runs it held end with an error. Nothing ever hangs. It has no
 * `expectScripts`: the worker compiles chai at start, off this thread, for whatever script
 * a user types next, so the app's Runner finds it there and a run has nothing to decide;
 * and its instances serve every run and send of the session, so no run's scripts are
 * compiled into them ahead (see SandboxInstance.precompile).
 *
 * ```ts
 * const runner = createScriptRunner({ sendRequest: engineSendRequest(engine) })
 * const result = await runner.run({ event: 'test', scripts, request, response, variables, info })
 * await runner.close()
 * ```
 */
import { Worker } from 'node:worker_threads'
import type { ScriptHost, ScriptPort } from '../checks/scriptPort'
import { failedRun } from './runState'
import type { FromWorker, ToWorker, WorkerRunInput } from './scriptMessages'
import { checkRunResult } from './scriptShapes'
import { relayHostCall } from './sendRelay'
import { workerRunInput } from './workerRunInput'
import {
  DEFAULT_SCRIPT_LIMITS,
  type ScriptLimits,
  type ScriptRunnerInput,
  type ScriptRunResult,
  type ScriptSendRequest,
} from './scriptTypes'

export interface ScriptRunnerOptions {
  /**
   * The worker's script: by default scriptWorker.ts run from source through tsx (tests,
   * `npm run web`, the bench); the Electron bundle passes its own bundled copy
   * (electron-vite's `?modulePath`).
   */
  entry?: string | URL
  /** Sends what scripts ask with pm.sendRequest; without it pm.sendRequest fails, saying so. */
  sendRequest?: ScriptSendRequest
  /** Limits for every run (a run's own `limits` override them); the rest DEFAULT_SCRIPT_LIMITS. */
  limits?: Partial<ScriptLimits>
}

/** Runs scripts; a ScriptPort for checkedSend. */
export interface ScriptRunner extends ScriptPort {
  /**
   * Runs the scripts of one event in order, each in a fresh context. Resolves with what
   * they did, a script error included (naming the script, the line and any limit hit);
   * rejects only for input that is not the documented shape, naming the field.
   */
  run(input: ScriptRunnerInput, host?: ScriptHost): Promise<ScriptRunResult>
  /** Stops the worker; runs not finished end with an error. */
  close(): Promise<void>
}

/** How long past the scripts' own deadlines the host waits before calling the worker stuck. */
const GRACE_MS = 2_000
/** A worker's thread stack: QuickJS's own stack limit stops recursion well before this. */
const WORKER_STACK_MB = 16

interface Pending {
  input: WorkerRunInput
  /** The worker running it. */
  worker: Worker
  resolve: (result: ScriptRunResult) => void
  guard: NodeJS.Timeout
  sends: Map<number, AbortController>
  /** What its scripts reach on the host (pm.cookies.jar()). */
  host?: ScriptHost
}

export function createScriptRunner(options: ScriptRunnerOptions = {}): ScriptRunner {
  const entry = options.entry ?? new URL('./scriptWorkerEntry.mjs', import.meta.url)
  const base: ScriptLimits = { ...DEFAULT_SCRIPT_LIMITS, ...options.limits }
  const pending = new Map<number, Pending>()
  let worker: Worker | null = null
  let nextId = 1
  let closed = false

  function settle(id: number, result: ScriptRunResult): void {
    const run = pending.get(id)
    if (!run) return
    pending.delete(id)
    clearTimeout(run.guard)
    for (const controller of run.sends.values()) controller.abort()
    if (pending.size === 0) worker?.unref()
    run.resolve(result)
  }

  /** Every run the worker held ends with `message`; the next run starts a new worker. */
  function lose(which: Worker, message: string, limit?: 'time'): void {
    if (worker === which) worker = null
    void which.terminate()
    for (const [id, run] of pending) {
      if (run.worker === which) settle(id, failedRun(run.input, message, limit))
    }
  }

  function post(message: ToWorker): void {
    worker?.postMessage(message)
  }

  async function relay(id: number, call: number, request: unknown): Promise<void> {
    const run = pending.get(id)
    if (!run) return
    const controller = new AbortController()
    run.sends.set(call, controller)
    const outcome = await relayHostCall(options.sendRequest, run.host, request, controller.signal)
    run.sends.delete(call)
    if (pending.has(id)) post({ type: 'sent', id, call, outcome })
  }

  function receive(message: FromWorker): void {
    if (message.type === 'send') void relay(message.id, message.call, message.request)
    else if (message.type === 'abandon') pending.get(message.id)?.sends.get(message.call)?.abort()
    else if (message.type === 'done') {
      const run = pending.get(message.id)
      if (!run) return
      let result: ScriptRunResult
      try {
        result = checkRunResult(JSON.parse(message.result))
      } catch (error) {
        result = failedRun(
          run.input,
          `The script sandbox gave a malformed result: ${(error as Error).message}`,
        )
      }
      settle(message.id, result)
    }
  }

  function start(): Worker {
    const started = new Worker(entry, {
      workerData: { memoryBytes: base.memoryBytes, stackBytes: base.stackBytes },
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    })
    started.on('message', receive)
    started.once('error', (error) =>
      lose(started, `The script sandbox stopped: ${error.message}. Run the scripts again.`),
    )
    started.once('exit', (code) =>
      lose(started, `The script sandbox stopped (exit code ${code}). Run the scripts again.`),
    )
    started.unref()
    return started
  }
  worker = start()

  async function run(raw: ScriptRunnerInput, host?: ScriptHost): Promise<ScriptRunResult> {
    if (closed) throw new Error('The script runner was closed.')
    const input = workerRunInput(raw, base)
    const limits = input.limits
    const id = nextId++
    worker ??= start()
    const running = worker
    const perScript = limits.timeMs
    return new Promise<ScriptRunResult>((resolve) => {
      // The worker enforces each script's deadline; this fires only if it stopped answering.
      const guard = setTimeout(
        () =>
          lose(
            running,
            `The scripts did not finish within their time limit (${input.scripts.length} × ${perScript / 1000} s) and the sandbox was restarted.`,
            'time',
          ),
        input.scripts.length * perScript + GRACE_MS,
      )
      pending.set(id, { input, worker: running, resolve, guard, sends: new Map(), host })
      running.ref()
      post({ type: 'run', id, input: JSON.stringify(input) })
    })
  }

  async function close(): Promise<void> {
    closed = true
    const running = worker
    worker = null
    for (const [id, run] of pending)
      settle(id, failedRun(run.input, 'The script runner was closed.'))
    await running?.terminate()
  }

  return { run, close }
}
