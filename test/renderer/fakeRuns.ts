import type { CourierApi, RunEventPayload, RunStartArgsInput } from '../../shared/ipc'
import type { RunExecution } from '../../shared/model/run'

/**
 * The run: calls in memory, for component and store tests: starts are recorded, and the
 * test plays the run's events with `emit` and keeps executions for `run:execution`.
 */
export function createFakeRuns() {
  const started: RunStartArgsInput[] = []
  const stopped: string[] = []
  const exported: { runId: string; format: string }[] = []
  const listeners = new Set<(payload: RunEventPayload) => void>()
  const executions = new Map<string, RunExecution>()
  /** What `run:filesToConfirm` answers: files the run would upload unconfirmed. */
  const unconfirmed: string[] = []

  const calls: CourierApi['run'] = {
    start: async (args) => {
      started.push(args)
      return { runId: args.runId, name: 'Fake run' }
    },
    filesToConfirm: async () => [...unconfirmed],
    stop: async ({ runId }) => {
      stopped.push(runId)
      return true
    },
    readData: async ({ path }) => ({ path, columns: ['user', 'id'], rows: 2 }),
    execution: async ({ runId, index }) => {
      const found = executions.get(`${runId}:${index}`)
      if (!found) throw new Error(`No execution ${index} in run ${runId}.`)
      return found
    },
    export: async ({ runId, format }) => {
      exported.push({ runId, format })
      return { outcome: 'saved', path: `/tmp/report.${format}` }
    },
  }

  return {
    calls,
    started,
    stopped,
    exported,
    listeners,
    unconfirmed,
    /** Keeps an execution for `run:execution`. */
    keep(runId: string, execution: RunExecution) {
      executions.set(`${runId}:${execution.index}`, execution)
    },
    /** Pushes a `run:event` batch to every listener. */
    emit(payload: RunEventPayload) {
      for (const listener of listeners) listener(payload)
    },
  }
}
