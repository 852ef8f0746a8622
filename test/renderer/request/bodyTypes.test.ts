import { describe, expect, it } from 'vitest'
import { languageOf, switchBodyType } from '../../../renderer/src/components/request/bodyTypes'

describe('switching body types loses nothing typed', () => {
  it('carries text between JSON and Raw, and fields between form and multipart', () => {
    const json = { type: 'json' as const, text: '{"a":1}' }
    expect(switchBodyType(json, 'raw')).toEqual({
      type: 'raw',
      text: '{"a":1}',
      contentType: 'text/plain',
    })
    const form = { type: 'form' as const, fields: [{ key: 'k', value: 'v', enabled: true }] }
    expect(switchBodyType(form, 'multipart')).toEqual({
      type: 'multipart',
      parts: [{ kind: 'text', key: 'k', value: 'v', enabled: true }],
    })
    expect(switchBodyType(json, 'none')).toEqual({ type: 'none' })
  })

  it('picks the editor language from a raw content type', () => {
    expect(languageOf('application/xml')).toBe('xml')
    expect(languageOf('text/html; charset=utf-8')).toBe('html')
    expect(languageOf('application/vnd.api+json')).toBe('json')
    expect(languageOf('text/plain')).toBe('text')
  })
})
