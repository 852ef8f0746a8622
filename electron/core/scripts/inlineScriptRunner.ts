/**
 * The script sandbox on the calling thread, for the command line: the same QuickJS
 * instances, limits and pm API as the worker of scriptRunner.ts, without a thread hop per
 * run (about a third of a scripted request's cost in `courier run`). The sandbox is
 * QuickJS itself: scripts still reach nothing of Node's, and a script past its CPU, memory
 * or time limit is stopped by QuickJS's own interrupt and memory cap. The app keeps the
 * worker: its main process must never stall on a script. Its caller is in this process
 * and typed, so the run's input is taken as it is, its limits checked (trustedRunInput).
 */
import { RunChannel } from './runChannel'
import { failedRun } from './runState'
import { runScripts } from './runScripts'
import type { ScriptRunner, ScriptRunnerOptions } from './scriptRunner'
import { InstancePool } from './instancePool'
import { relayHostCall } from './sendRelay'
import { DEFAULT_SCRIPT_LIMITS, type ScriptLimits, type ScriptRunResult } from './scriptTypes'
import { trustedRunInput } from './workerRunInput'

export interface InlineScriptRunnerOptions extends Omit<ScriptRunnerOptions, 'entry'> {
  /** The instances scripts run on (a test looks into them); a pool of its own by default. */
  pool?: InstancePool
}

export function createInlineScriptRunner(options: InlineScriptRunnerOptions = {}): ScriptRunner {
  const base: ScriptLimits = { ...DEFAULT_SCRIPT_LIMITS, ...options.limits }
  const pool = options.pool ?? new InstancePool()
  let closed = false

  return {
    async run(raw, host): Promise<ScriptRunResult> {
      if (closed) throw new Error('The script runner was closed.')
      const input = trustedRunInput(raw, base)
      const sends = new Map<number, AbortController>()
      const channel: RunChannel = new RunChannel(
        (call, request) => {
          const controller = new AbortController()
          sends.set(call, controller)
          void relayHostCall(options.sendRequest, host, request, controller.signal).then(
            (outcome) => {
              sends.delete(call)
              channel.push({ kind: 'sent', call, outcome })
            },
          )
        },
        (call) => sends.get(call)?.abort(),
      )
      try {
        return await runScripts(input, channel, pool)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return failedRun(input, `The script sandbox failed: ${message}`)
      } finally {
        for (const controller of sends.values()) controller.abort()
      }
    },
    expectScripts(sources, iterations) {
      pool.expectScripts(sources, iterations)
    },
    async close() {
      closed = true
    },
  }
}
