import { describe, expect, it } from 'vitest'
import {
  checkJsonNow,
  loadJsonProblemFinder,
} from '../../../renderer/src/components/request/jsonCheck'

// A small request body's JSON check: valid at once with JSON.parse; where an invalid one
// goes wrong once jsonc-parser's module is in (it stays out of the app's first chunk).
describe("a small body's JSON check", () => {
  it('says a valid body is valid without loading anything', () => {
    expect(checkJsonNow('{"a": [1, 2, {"b": null}]}')).toBeNull()
  })

  it('says where an invalid body goes wrong once the finder is in, and is pending until then', async () => {
    const text = '{\n  "a": 1\n  "b": 2\n}'
    // Nothing in this file has loaded it yet (each test file has its own modules).
    expect(checkJsonNow(text)).toBeUndefined()
    await loadJsonProblemFinder()
    expect(checkJsonNow(text)).toEqual({ line: 3, column: 3, reason: 'expected a comma' })
  })
})
