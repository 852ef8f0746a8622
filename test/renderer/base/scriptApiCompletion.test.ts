import { describe, expect, it } from 'vitest'
import { membersAt } from '../../../renderer/src/components/base/scriptApiCompletion'

describe('the script API offered while typing', () => {
  it('offers pm.cookies with its jar, and nothing after a name that is not in the API', () => {
    expect(Object.keys(membersAt(['cookies']) ?? {})).toEqual(['get', 'has', 'toObject', 'jar'])
    expect(membersAt(['response', 'to'])).toHaveProperty('have')
    expect(membersAt(['nothing'])).toBeNull()
  })

  it('offers pm.execution with location', () => {
    expect(Object.keys(membersAt(['execution']) ?? {})).toEqual([
      'setNextRequest',
      'skipRequest',
      'location',
    ])
  })
})
