import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../../electron/core/http/engine'
import { openGate } from '../../../../electron/core/http/fileGate'
import { generateCode } from '../../../../electron/core/interop/code/codeLanguages'
import type { RequestSpec } from '../../../../shared/model/request'
import { startHttpbin, type RunningServer } from '../../../servers'
import { requestSet, variablesFor } from './requestSet'

const run = promisify(execFile)
const PYTHON = '/usr/bin/python3'
const CURL = '/usr/bin/curl'

interface Echo {
  method: string
  args: Record<string, unknown>
  form: Record<string, unknown>
  files: Record<string, unknown>
  json: unknown
  data: string
  headers: Record<string, string>
}

/** What httpbin saw that the generated code must reproduce; client-specific headers left out. */
function essentials(echo: Echo, isJson: boolean) {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(echo.headers)) {
    const lower = name.toLowerCase()
    if (lower === 'content-type') headers[lower] = value.replace(/; boundary=.*$/, '')
    else if (lower === 'authorization' || lower.startsWith('x-')) headers[lower] = value
  }
  return {
    method: echo.method,
    args: echo.args,
    form: echo.form,
    files: echo.files,
    json: echo.json,
    // A client re-serialises a JSON payload (spacing changes); `json` compares its meaning.
    data: isJson ? null : echo.data,
    headers,
  }
}

let httpbin: RunningServer
let engine: HttpEngine
let dir: string
let requests: Record<string, RequestSpec>
let variables: Record<string, string>

beforeAll(async () => {
  // These tests run real clients: curl and Debian's python3-requests (scripts/install-test-deps.sh).
  expect(existsSync(CURL), `${CURL} is needed (apt install curl)`).toBe(true)
  await run(PYTHON, ['-c', 'import requests'])
  httpbin = await startHttpbin()
  engine = new HttpEngine()
  dir = mkdtempSync(join(tmpdir(), 'courier-code-'))
  requests = requestSet(httpbin.url, dir)
  variables = variablesFor(httpbin.url)
})

afterAll(async () => {
  engine?.close()
  await httpbin?.close()
})

async function courierEcho(spec: RequestSpec): Promise<Echo> {
  const result = await engine.send({ spec, variables, files: openGate(null) })
  if (!result.ok) throw new Error(result.error.message)
  expect(result.response.status).toBe(200)
  return JSON.parse(result.response.body) as Echo
}

const runners: Record<string, (code: string, name: string) => Promise<string>> = {
  'python-requests': async (code, name) => {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.py`)
    writeFileSync(file, code)
    return (await run(PYTHON, [file], { timeout: 20_000 })).stdout
  },
  curl: async (code) => (await run('/bin/sh', ['-c', code], { timeout: 20_000 })).stdout,
  'node-fetch': async (code, name) => {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.mjs`)
    writeFileSync(file, code)
    return (await run(process.execPath, [file], { timeout: 20_000 })).stdout
  },
}

describe.each(Object.keys(runners))('generated %s code sends what Courier sends', (language) => {
  const names = Object.keys(requestSet('http://127.0.0.1:1', mkdtempSync(join(tmpdir(), 'set-'))))
  it.each(names)('%s', async (name) => {
    const spec = requests[name]!
    const isJson = spec.body.type === 'json'
    const expected = essentials(await courierEcho(spec), isJson)
    const code = generateCode(spec, variables, language)
    let stdout: string
    try {
      stdout = await runners[language]!(code, name)
    } catch (error) {
      throw new Error(`${language} code failed:\n${code}\n${String(error)}`)
    }
    const actual = essentials(JSON.parse(stdout) as Echo, isJson)
    expect(actual, `generated ${language} code:\n${code}`).toEqual(expected)
  })
})
