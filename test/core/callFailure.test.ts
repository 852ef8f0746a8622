import { describe, expect, it } from 'vitest'
import { CallError } from '../../shared/ipc/callError'
import { InvalidCallError } from '../../shared/ipc/service'
import { BodyNotKeptError } from '../../electron/core/bodies/keptBody'
import { asCallError } from '../../electron/core/callFailure'
import { DraftMissingError } from '../../electron/core/settings/draftFiles'
import { WorkspaceError } from '../../electron/core/workspace/workspaceApi'

describe('a core failure as the contract error', () => {
  it.each([
    ['a lost draft', new DraftMissingError({ sha256: '0'.repeat(64) }), 'DRAFT_GONE'],
    ['a released body', new BodyNotKeptError(), 'BODY_NOT_KEPT'],
    ['a workspace refusal', new WorkspaceError('No such request'), 'WORKSPACE'],
    ['invalid arguments', new InvalidCallError('http:send', 'spec: required'), 'INVALID_ARGUMENTS'],
    ['anything else', new TypeError('x is undefined'), 'FAILED'],
  ])('%s keeps its message and gets its code', (_what, error, code) => {
    const call = asCallError(error)
    expect(call).toBeInstanceOf(CallError)
    expect(call.code).toBe(code)
    expect(call.message).toBe(error.message)
  })

  it('a file system error is FILE_SYSTEM and names its path', () => {
    const error = Object.assign(new Error('no space left on device'), {
      code: 'ENOSPC',
      path: '/data/config.json',
    })
    expect(asCallError(error)).toMatchObject({
      code: 'FILE_SYSTEM',
      message: 'no space left on device (ENOSPC: /data/config.json)',
    })
  })
})
