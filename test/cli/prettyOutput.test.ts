import { describe, expect, it } from 'vitest'
import { toPrettyOutput } from '../../electron/cli/formatResult'
import { sampleResponse } from '../renderer/response/sampleResponse'

describe('courier send --output pretty: the body', () => {
  it('indents a JSON body', () => {
    const { stdout } = toPrettyOutput({ ok: true, response: sampleResponse({ body: '{"id":1}' }) })
    expect(stdout).toContain('{\n  "id": 1\n}')
  })

  it('prints valid JSON nested too deeply to indent as received, instead of failing', () => {
    // 20,000 levels: indented, over 400 million characters, more than a string can hold.
    const body = '['.repeat(20_000) + ']'.repeat(20_000)
    const { stdout } = toPrettyOutput({ ok: true, response: sampleResponse({ body }) })
    expect(stdout).toContain(body)
  })
})
