import type { CourierApi } from '../../../shared/ipc'
import { plainCopy } from '../stores/plainCopy'

/**
 * The api with each call's arguments copied plain first (plainCopy): both transports
 * clone what they send (Electron's IPC, and posting to browser mode's socket worker), and
 * neither can clone Vue's reactive proxies. Done here, on the app's side, so that the
 * transports, which start before the app's code has loaded (main.ts), need no Vue.
 */
export function withPlainArgs(api: CourierApi): CourierApi {
  const wrapped: Record<string, unknown> = { on: api.on.bind(api) }
  for (const [domain, group] of Object.entries(api)) {
    if (typeof group !== 'object' || group === null) continue
    wrapped[domain] = Object.fromEntries(
      Object.entries(group as Record<string, (args: unknown) => Promise<unknown>>).map(
        ([action, call]) => [action, (args: unknown) => call(plainCopy(args ?? {}))],
      ),
    )
  }
  return wrapped as CourierApi
}
