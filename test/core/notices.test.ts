import { describe, expect, it } from 'vitest'
import { addNotice, MAX_NOTICES } from '../../electron/core/notices'

describe('the notices list', () => {
  it('keeps each message once', () => {
    const notices: string[] = []
    addNotice(notices, 'History could not be written: disk full')
    addNotice(notices, 'History could not be written: disk full')
    expect(notices).toEqual(['History could not be written: disk full'])
  })

  it('stays bounded however many notices come, saying how many were dropped', () => {
    const notices: string[] = []
    for (let i = 1; i <= 1000; i++) addNotice(notices, `notice ${i}`)
    expect(notices).toHaveLength(MAX_NOTICES)
    expect(notices[0]).toBe(`${1000 - (MAX_NOTICES - 1)} earlier notices were dropped.`)
    expect(notices.at(-1)).toBe('notice 1000')
    expect(notices[1]).toBe(`notice ${1000 - MAX_NOTICES + 2}`)
  })

  it('drops the oldest one at a time from the first overflow', () => {
    const notices: string[] = []
    for (const m of ['a', 'b', 'c', 'd']) addNotice(notices, m, 3)
    expect(notices).toEqual(['2 earlier notices were dropped.', 'c', 'd'])
    addNotice(notices, 'e', 3)
    expect(notices).toEqual(['3 earlier notices were dropped.', 'd', 'e'])
  })
})
