import * as z from 'zod'
import type { CallErrorShape } from './callError'

/**
 * Browser mode carries the same contract over one WebSocket. The renderer sends
 * requests; the host answers each by id and pushes events.
 */
export const WireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  call: z.string().max(100),
  args: z.unknown(),
})
export type WireRequest = z.infer<typeof WireRequestSchema>

export type WireMessage =
  | { kind: 'result'; id: number; ok: true; result: unknown }
  | { kind: 'result'; id: number; ok: false; error: CallErrorShape }
  | { kind: 'event'; event: string; payload: unknown }

export { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from './webAddress'
