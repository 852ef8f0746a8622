import { describe, expect, it } from 'vitest'
import { fromScriptAuth, toScriptAuth } from '../../../electron/core/checks/scriptAuth'
import { RequestAuthSchema } from '../../../shared/model/request'

describe('a request auth as scripts see it (pm.request.auth)', () => {
  it("names parameters as Postman does, and maps a script's auth back", () => {
    const aws = RequestAuthSchema.parse({
      type: 'awsv4',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      region: 'eu-west-1',
      service: 's3',
    })
    const seen = toScriptAuth(aws)
    expect(seen?.params).toEqual(
      expect.arrayContaining([
        ['accessKey', 'AK'],
        ['secretKey', 'SK'],
        ['region', 'eu-west-1'],
      ]),
    )
    expect(fromScriptAuth(seen!)).toEqual(aws)
    expect(toScriptAuth({ type: 'none' })).toBeUndefined()
    expect(toScriptAuth({ type: 'inherit' })).toBeUndefined()
  })

  it('fills what a script left out, removes auth for noauth or null, and refuses an impossible one', () => {
    expect(fromScriptAuth({ type: 'basic', params: [['username', 'ada']] })).toEqual({
      type: 'basic',
      username: 'ada',
      password: '',
    })
    expect(fromScriptAuth(null)).toEqual({ type: 'none' })
    expect(fromScriptAuth({ type: 'noauth', params: [] })).toEqual({ type: 'none' })
    expect(fromScriptAuth({ type: 'apikey', params: [['in', 'cookie']] })).toBeUndefined()
  })
})
