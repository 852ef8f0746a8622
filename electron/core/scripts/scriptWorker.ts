/**
 * The script sandbox's worker thread (started by scriptRunner.ts): runs the scripts of
 * each run it is sent in QuickJS, relays their pm.sendRequest calls to the host, and
 * answers with the result. Runs may overlap (one waiting on pm.sendRequest while another
 * runs); each script has a QuickJS instance to itself (InstancePool, sandboxInstance.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { InstancePool } from './instancePool'
import { RunChannel } from './runChannel'
import { failedRun } from './runState'
import { runScripts } from './runScripts'
import type { FromWorker, ToWorker, WorkerRunInput } from './scriptMessages'
import type { ScriptRunResult } from './scriptTypes'

const port = parentPort!
const post = (message: FromWorker) => port.postMessage(message)
const pool = new InstancePool()
const runs = new Map<number, RunChannel>()

async function start(id: number, json: string): Promise<void> {
  const input = JSON.parse(json) as WorkerRunInput
  const channel = new RunChannel(
    (call, request) => post({ type: 'send', id, call, request }),
    (call) => post({ type: 'abandon', id, call }),
  )
  runs.set(id, channel)
  let result: ScriptRunResult
  try {
    result = await runScripts(input, channel, pool)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    result = failedRun(input, `The script sandbox failed: ${message}`)
  } finally {
    runs.delete(id)
  }
  post({ type: 'done', id, result: JSON.stringify(result) })
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'run') void start(message.id, message.input)
  else if (message.type === 'sent') {
    runs.get(message.id)?.push({ kind: 'sent', call: message.call, outcome: message.outcome })
  } else if (message.type === 'cancel') runs.get(message.id)?.push({ kind: 'cancelled' })
})

// Compile the WebAssembly and make the first instance, chai in it, now, not on the first send:
// in the app any script may be typed next, and this thread has the time.
const { memoryBytes, stackBytes } = workerData as { memoryBytes: number; stackBytes: number }
void pool.take(memoryBytes, stackBytes, true).then((instance) => pool.give(instance))
