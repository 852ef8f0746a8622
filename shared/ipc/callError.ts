/**
 * The one error shape every transport carries (Electron IPC and browser mode's
 * WebSocket alike): a code the renderer acts on, and a message worded for the tester.
 * The renderer never parses message text to decide what to do.
 */

export const CALL_ERROR_CODES = [
  /** The arguments do not match the contract; the message names the field. */
  'INVALID_ARGUMENTS',
  /** No such call (a renderer newer or older than the host). */
  'UNKNOWN_CALL',
  /** The caller is not Courier's own window. */
  'REFUSED',
  /** A body sent as a draft reference whose draft file is gone: send the text whole. */
  'DRAFT_GONE',
  /** A response body that is no longer kept (only the latest of a session are). */
  'BODY_NOT_KEPT',
  /** A workspace file or folder could not be read or written as asked. */
  'WORKSPACE',
  /** The history could not be opened this session. */
  'HISTORY_UNAVAILABLE',
  /** The file system refused (disk full, permissions, missing path). */
  'FILE_SYSTEM',
  /** The connection to the host is gone (browser mode). */
  'DISCONNECTED',
  /** Anything else; the message says what. */
  'FAILED',
] as const
export type CallErrorCode = (typeof CALL_ERROR_CODES)[number]

/** The plain form that crosses a transport. */
export interface CallErrorShape {
  code: CallErrorCode
  message: string
}

/** A failed call, as thrown on both sides of the contract. */
export class CallError extends Error {
  constructor(
    readonly code: CallErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CallError'
  }

  /** Rebuilds a received shape; an unknown code (an older or newer host) becomes FAILED. */
  static from(shape: { code?: unknown; message?: unknown }): CallError {
    const code = isCallErrorCode(shape.code) ? shape.code : 'FAILED'
    return new CallError(code, typeof shape.message === 'string' ? shape.message : String(shape))
  }
}

export function isCallErrorCode(code: unknown): code is CallErrorCode {
  return typeof code === 'string' && (CALL_ERROR_CODES as readonly string[]).includes(code)
}

/** Whether `error` is a failed call with this code. */
export function hasCallErrorCode(error: unknown, code: CallErrorCode): boolean {
  return error instanceof CallError && error.code === code
}

/**
 * The shape to send for anything a handler threw: a CallError keeps its code; any other
 * error is FAILED with its message (never a stack).
 */
export function toCallErrorShape(error: unknown): CallErrorShape {
  if (error instanceof CallError) return { code: error.code, message: error.message }
  return { code: 'FAILED', message: error instanceof Error ? error.message : String(error) }
}
