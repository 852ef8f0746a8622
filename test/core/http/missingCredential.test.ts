import { describe, expect, it } from 'vitest'
import { prepareRequest } from '../../../electron/core/http/prepareRequest'
import { RequestSpecSchema, type RequestAuth } from '../../../shared/model/request'

// A send whose credential is missing is refused, naming the auth field and how to give it,
// instead of going out as `user:` or `Bearer ` (prepareRequest, the one path of every send).
const spec = (auth: RequestAuth) =>
  RequestSpecSchema.parse({ method: 'GET', url: 'http://h.test/', auth })

function refusal(auth: RequestAuth, variables: Record<string, string> = {}) {
  try {
    prepareRequest(spec(auth), variables)
    return null
  } catch (error) {
    const { code, message, hint } = error as { code: string; message: string; hint: string }
    return { code, message, hint }
  }
}

describe('a send without its credential', () => {
  it('is refused when the Basic password, Bearer token or API key value is blank', () => {
    expect(refusal({ type: 'basic', username: 'user', password: '' })).toMatchObject({
      code: 'MISSING_CREDENTIAL',
      message: 'The Basic auth password is empty, so nothing was sent.',
      hint: expect.stringContaining('COURIER_VAR_'),
    })
    expect(refusal({ type: 'bearer', token: ' ' })?.message).toContain('Bearer token is empty')
    expect(refusal({ type: 'apikey', key: 'X-Key', value: '', in: 'header' })?.message).toContain(
      'API key value is empty',
    )
  })

  it('is refused when its {{variable}} has no value, naming the variable and how to set it', () => {
    expect(refusal({ type: 'basic', username: 'user', password: '{{basic_password}}' })).toEqual({
      code: 'MISSING_CREDENTIAL',
      message:
        'The Basic auth password comes from {{basic_password}}, which has no value, so nothing was sent.',
      hint: 'Provide it with COURIER_VAR_basic_password=… or a --secrets file ({"basic_password": "…"}) or --var basic_password=… on the command line, or as a secret variable "basic_password" of the active environment in the app.',
    })
  })

  it('goes out when the credential has a value, or a variable set to empty on purpose', () => {
    expect(refusal({ type: 'basic', username: 'u', password: '{{pw}}' }, { pw: 's3' })).toBeNull()
    expect(refusal({ type: 'basic', username: 'u', password: '{{pw}}' }, { pw: '' })).toBeNull()
    expect(refusal({ type: 'bearer', token: 'tok' })).toBeNull()
    expect(refusal({ type: 'none' })).toBeNull()
    expect(refusal({ type: 'inherit' })).toBeNull()
  })
})
