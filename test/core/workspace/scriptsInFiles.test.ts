import { describe, expect, it } from 'vitest'
import {
  folderText,
  parseFolder,
  parseRequest,
  requestText,
} from '../../../electron/core/workspace/workspaceFormat'
import { emptyRequest } from '../../../shared/model/request'
import type { SavedRequest } from '../../../shared/model/workspace'

const request: SavedRequest = {
  ...emptyRequest(),
  schemaVersion: 1,
  name: 'Get user',
  url: '{{base}}/users/1',
  variables: [],
  assertions: [
    { enabled: true, target: 'status', path: '', operator: 'equals', expected: '200' },
    { enabled: false, target: 'jsonPath', path: '$.name', operator: 'isType', expected: 'string' },
  ],
  scripts: {
    preRequest: '',
    postResponse: 'pm.test("ok", function () {\n  pm.response.to.have.status(200)\n})',
  },
}

describe('assertions and scripts in workspace files', () => {
  it('are written diff-friendly: rows in a fixed key order, scripts as lines, empty ones left out', () => {
    const file = JSON.parse(requestText(request))
    expect(Object.keys(file.assertions[0])).toEqual([
      'target',
      'path',
      'operator',
      'expected',
      'enabled',
    ])
    expect(file.scripts).toEqual({
      postResponse: ['pm.test("ok", function () {', '  pm.response.to.have.status(200)', '})'],
    })
    const keys = Object.keys(file)
    expect(keys.indexOf('assertions')).toBeGreaterThan(keys.indexOf('settings'))
    expect(keys.indexOf('scripts')).toBeGreaterThan(keys.indexOf('assertions'))
  })

  it('read back as they were written', () => {
    const parsed = parseRequest(requestText(request), 'Users/Get user.request.json')
    expect(parsed).toEqual({ ok: true, value: request })
  })

  it('leave a request without them byte for byte as before', () => {
    const plain = { ...emptyRequest(), schemaVersion: 1 as const, name: 'Plain', variables: [] }
    const text = requestText(plain)
    expect(text).not.toMatch(/assertions|scripts/)
    expect(requestText({ ...plain, scripts: { preRequest: '', postResponse: '' } })).toBe(text)
  })

  it('take a script typed by hand as one string', () => {
    const text = JSON.stringify({
      name: 'Hand',
      method: 'GET',
      url: 'http://h',
      scripts: { preRequest: 'pm.variables.set("a", 1)' },
    })
    const parsed = parseRequest(text, 'Hand.request.json')
    expect(parsed.ok && parsed.value.scripts).toEqual({
      preRequest: 'pm.variables.set("a", 1)',
      postResponse: '',
    })
  })

  it('name the field when a script is malformed', () => {
    const text = JSON.stringify({
      name: 'Bad',
      method: 'GET',
      url: 'http://h',
      scripts: { postResponse: [1, 2] },
    })
    const parsed = parseRequest(text, 'Bad.request.json')
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.problem.message).toMatch(
      /Bad\.request\.json: field scripts\.postResponse: must be a list of strings/,
    )
  })

  it("are kept in a folder's defaults too", () => {
    const folder = {
      schemaVersion: 1 as const,
      defaults: {
        headers: [],
        auth: { type: 'inherit' as const },
        variables: [],
        assertions: [
          {
            enabled: true,
            target: 'responseTime' as const,
            path: '',
            operator: 'lessThan' as const,
            expected: '1000',
          },
        ],
        scripts: { preRequest: 'console.log("folder")\nconsole.log("two")', postResponse: '' },
      },
    }
    const text = folderText(folder)
    expect(JSON.parse(text).defaults.scripts).toEqual({
      preRequest: ['console.log("folder")', 'console.log("two")'],
    })
    expect(parseFolder(text, 'Users/folder.json')).toEqual({ ok: true, value: folder })
  })
})
