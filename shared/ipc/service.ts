import { CallError } from './callError'
import {
  calls,
  type CallArgs,
  type CallName,
  type CallResult,
  type ParsedCallArgs,
} from './contract'

/** What the Node side implements: one handler per call, receiving validated arguments. */
export type CourierService = {
  [C in CallName]: (args: ParsedCallArgs<C>) => Promise<CallResult<C>>
}

/** Thrown when a call's arguments do not match the contract; the message names the field. */
export class InvalidCallError extends CallError {
  constructor(call: string, issues: string) {
    super('INVALID_ARGUMENTS', `Invalid arguments for ${call}: ${issues}`)
    this.name = 'InvalidCallError'
  }
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name)
}

/** Validates `args` against the contract and runs the handler: the one path every transport uses. */
export async function dispatchCall<C extends CallName>(
  service: CourierService,
  name: C,
  args: CallArgs<C> | unknown,
): Promise<CallResult<C>> {
  const parsed = calls[name].args.safeParse(args ?? {})
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`)
      .join('; ')
    throw new InvalidCallError(name, issues)
  }
  const handler = service[name] as (a: unknown) => Promise<CallResult<C>>
  return handler(parsed.data)
}
