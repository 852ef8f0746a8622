import { CallError, type CallErrorCode } from '../../shared/ipc/callError'
import { BodyNotKeptError } from './bodies/keptBody'
import { DraftMissingError } from './settings/draftFiles'
import { WorkspaceError } from './workspace/workspaceApi'

/**
 * Any failure of a core service as the contract's CallError: the code says what kind of
 * failure it is (the renderer acts on it), the message reads well on its own (the
 * transports show it as it is). A file system error gets its code and path.
 */
export function asCallError(error: unknown): CallError {
  if (error instanceof CallError) return error
  return new CallError(codeOf(error), messageOf(error))
}

/** Runs `task`, rethrowing any failure as a CallError (see asCallError). */
export async function asCall<T>(task: () => Promise<T> | T): Promise<T> {
  try {
    return await task()
  } catch (error) {
    throw asCallError(error)
  }
}

function codeOf(error: unknown): CallErrorCode {
  if (error instanceof DraftMissingError) return 'DRAFT_GONE'
  if (error instanceof BodyNotKeptError) return 'BODY_NOT_KEPT'
  if (error instanceof WorkspaceError) return 'WORKSPACE'
  if (typeof (error as NodeJS.ErrnoException | null)?.code === 'string') return 'FILE_SYSTEM'
  return 'FAILED'
}

/** An error's message, with its errno code and path when the message does not name them. */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const { code, path } = error as NodeJS.ErrnoException
  if (typeof code === 'string' && typeof path === 'string' && !error.message.includes(path)) {
    return `${error.message} (${code}: ${path})`
  }
  return error.message
}
