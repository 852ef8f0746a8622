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

describe('Digest and AWS Signature V4 credentials', () => {
  const aws = (over: Partial<Extract<RequestAuth, { type: 'awsv4' }>>): RequestAuth => ({
    type: 'awsv4',
    accessKeyId: 'AKID',
    secretAccessKey: 'secret',
    sessionToken: '',
    region: 'us-east-1',
    service: 's3',
    ...over,
  })

  it('refuses a blank Digest password or AWS secret key, naming the field', () => {
    expect(refusal({ type: 'digest', username: 'u', password: '' })?.message).toBe(
      'The Digest auth password is empty, so nothing was sent.',
    )
    expect(refusal(aws({ secretAccessKey: '' }))?.message).toBe(
      'The AWS secret access key is empty, so nothing was sent.',
    )
  })

  it('lets a blank session token go (it is optional) but not one whose variable has no value', () => {
    expect(refusal(aws({}))).toBeNull()
    expect(refusal(aws({ sessionToken: '{{aws_session_token}}' }))?.message).toBe(
      'The AWS session token comes from {{aws_session_token}}, which has no value, so nothing was sent.',
    )
    expect(refusal(aws({ sessionToken: '{{t}}' }), { t: 'x' })).toBeNull()
  })
})
