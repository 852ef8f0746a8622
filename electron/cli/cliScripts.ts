import type { HttpEngine } from '../core/http/engine'
import type { EngineSendOptions } from '../core/scripts/engineSendRequest'

/**
 * The sandbox for a command, loaded and started only when a request has scripts. It runs
 * on the command's own thread (createInlineScriptRunner): a command has nothing else to do
 * while a script runs, and a thread hop per script cost a third of `courier run`'s time.
 * pm.sendRequest goes out through `engine` with `options` (a run's timeout, TLS, ...).
 */
export async function cliScriptRunner(engine: HttpEngine, options: EngineSendOptions = {}) {
  const { createInlineScriptRunner } = await import('../core/scripts/inlineScriptRunner')
  const { engineSendRequest } = await import('../core/scripts/engineSendRequest')
  return createInlineScriptRunner({ sendRequest: engineSendRequest(engine, options) })
}
