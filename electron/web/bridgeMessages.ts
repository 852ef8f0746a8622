import {
  CALL_NAMES,
  dispatchCall,
  isCallName,
  toCallErrorShape,
  WireRequestSchema,
  type CallErrorShape,
  type CourierService,
  type WireMessage,
} from '../../shared/ipc'

/** What to do with one incoming frame: answer it, or close a socket that broke the protocol. */
export type BridgeOutcome = { reply: WireMessage } | { protocolError: string }

const failure = (id: number, error: CallErrorShape): BridgeOutcome => ({
  reply: { kind: 'result', id, ok: false, error },
})

/**
 * Runs one `{id, call, args}` message through the contract. A well-formed request always
 * gets an answer; errors carry a code and a message, never a stack.
 */
export async function answerMessage(service: CourierService, text: string): Promise<BridgeOutcome> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { protocolError: 'Messages must be JSON.' }
  }
  const parsed = WireRequestSchema.safeParse(data)
  if (!parsed.success) {
    const id = (data as { id?: unknown } | null)?.id
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
      return failure(id, {
        code: 'INVALID_ARGUMENTS',
        message: 'Malformed request: expected {id, call, args}.',
      })
    }
    return { protocolError: 'Messages must be {id, call, args}.' }
  }
  const { id, call, args } = parsed.data
  if (!isCallName(call)) {
    return failure(id, {
      code: 'UNKNOWN_CALL',
      message: `Unknown call "${call}". Known calls: ${CALL_NAMES.join(', ')}.`,
    })
  }
  try {
    const result = await dispatchCall(service, call, args)
    return { reply: { kind: 'result', id, ok: true, result } }
  } catch (error) {
    // Service errors are already worded for the tester; the call name would only be noise.
    return failure(id, toCallErrorShape(error))
  }
}
