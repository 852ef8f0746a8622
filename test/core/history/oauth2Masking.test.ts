import { describe, expect, it } from 'vitest'
import { MASK, Masker } from '../../../electron/core/history/masking'
import { OAuth2AuthSchema } from '../../../shared/model/oauth2'

describe('history masks OAuth 2.0 secrets', () => {
  it('masks the client secret, password, refresh token and the Authorization header', () => {
    const auth = OAuth2AuthSchema.parse({
      type: 'oauth2',
      grant: 'password',
      clientId: 'app',
      clientSecret: 'client-s3cret-1',
      username: 'ada',
      password: 'pa55word-2',
      refreshToken: 'refresh-tok-3',
    })
    const m = new Masker({
      secretNames: [],
      variables: {},
      auth,
      headers: [['Authorization', 'Bearer access-tok-4']],
    })
    expect(m.deep({ auth })).toEqual({
      auth: { ...auth, clientSecret: MASK, password: MASK, refreshToken: MASK },
    })
    expect(m.headers([['Authorization', 'Bearer access-tok-4']])).toEqual([
      ['Authorization', `Bearer ${MASK}`],
    ])
    expect(m.text('echo access-tok-4 and client-s3cret-1')).toBe(`echo ${MASK} and ${MASK}`)
  })
})
