import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import { ImportError } from '../../../../electron/core/interop/interopTypes'

const postman = (item: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    info: {
      _postman_id: 'x',
      name: 'Hostile',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item,
    ...extra,
  })

async function refusal(text: string, fileName?: string): Promise<string> {
  const error = await importText(text, { fileName }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportError)
  return (error as ImportError).message
}

describe('hostile and broken inputs', () => {
  it('refuses a text over 20 MB, naming its size', async () => {
    const big = '{"a":"' + 'x'.repeat(21 * 1024 * 1024) + '"}'
    expect(await refusal(big, 'big.json')).toBe(
      '"big.json" is 21.0 MB; Courier imports files up to 20 MB.',
    )
  })

  it('refuses invalid JSON with its line and column', async () => {
    const message = await refusal('{\n  "info": {\n    "name": x\n  }\n}', 'broken.json')
    expect(message).toMatch(/^"broken.json" is not valid JSON at line 3, column 13/)
  })

  it('refuses truncated JSON and invalid YAML with a position', async () => {
    expect(await refusal('{"info": {"name": "a"')).toMatch(/not valid JSON at line 1, column 22/)
    expect(await refusal('openapi: 3.0.0\ninfo: [unclosed\n  x: : :')).toMatch(
      /not valid JSON or YAML at line \d+, column \d+/,
    )
  })

  it('refuses 10,000-deep nesting in JSON and YAML', async () => {
    expect(await refusal('['.repeat(10_000) + ']'.repeat(10_000))).toMatch(
      /nested more than 64 levels deep/,
    )
    expect(await refusal('a: ' + '['.repeat(10_000) + ']'.repeat(10_000))).toMatch(
      /nested more than 64 levels deep/,
    )
  })

  it('refuses a file of no known format', async () => {
    expect(await refusal('{"hello": "world"}', 'x.json')).toBe(
      '"x.json" is not a Postman, Insomnia, HAR, OpenAPI or curl file.',
    )
    expect(await refusal('just some words')).toMatch(/is not a Postman, Insomnia/)
    expect(await refusal('')).toMatch(/is not a Postman, Insomnia/)
  })

  it('drops __proto__, constructor and prototype keys and pollutes nothing', async () => {
    const text = postman(
      [
        {
          name: 'R',
          __proto__: { polluted: 'yes' },
          request: {
            method: 'GET',
            url: 'https://x.test',
            constructor: { prototype: { polluted: 'yes' } },
            header: [{ key: '__proto__', value: 'polluted' }],
          },
        },
      ],
      { variable: [{ key: '__proto__', value: 'x' }], prototype: { polluted: 1 } },
    ).replace('"name":"R"', '"name":"R","__proto__":{"polluted":"yes"}')
    const result = await importText(text)
    expect(result.notes[0]).toMatch(/keys named __proto__, constructor or prototype were dropped/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
    const yaml =
      'openapi: 3.0.0\ninfo: {title: t, version: "1"}\n__proto__: {polluted: yes}\npaths: {}\n'
    await importText(yaml)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps template payloads as inert text: nothing is evaluated', async () => {
    const payloads = [
      "{{constructor.constructor('globalThis.pwned=1')()}}",
      '${globalThis.pwned=1}',
      '<%= globalThis.pwned = 1 %>',
      "{% set x = constructor.constructor('globalThis.pwned=1')() %}",
    ]
    const text = postman(
      payloads.map((p, i) => ({
        name: `T${i}`,
        request: {
          method: 'POST',
          url: `https://x.test/${p}`,
          header: [{ key: 'X', value: p }],
          body: { mode: 'raw', raw: p },
        },
      })),
    )
    const result = await importText(text)
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    result.root.requests.forEach((r, i) => {
      expect(r.headers[0]!.value).toBe(payloads[i])
      expect(r.body).toEqual({ type: 'raw', text: payloads[i], contentType: 'text/plain' })
    })
    await importText(`curl -H 'X: ${payloads[1]}' -d '${payloads[2]}' https://x.test`)
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
  })

  it('never reads an external $ref: neither a local file nor a URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-ref-'))
    const sentinel = join(dir, 'secret.json')
    writeFileSync(sentinel, JSON.stringify({ type: 'string', example: 'SENTINEL-7f3a' }))
    const api = {
      openapi: '3.0.0',
      info: { title: 'Refs', version: '1' },
      paths: {
        '/file': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: sentinel } } } },
            responses: {},
          },
        },
        '/relative': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: './secret.json#/x' } } },
            },
            responses: {},
          },
        },
        '/http': {
          post: {
            requestBody: {
              content: {
                'application/json': { schema: { $ref: 'http://127.0.0.1:9/schema.json' } },
              },
            },
            responses: {},
          },
        },
      },
    }
    const result = await importText(JSON.stringify(api))
    expect(JSON.stringify(result)).not.toContain('SENTINEL-7f3a')
    const notes = result.notes.join('\n')
    expect(notes).toContain(`The external reference "${sentinel}" was not read`)
    expect(notes).toContain('"http://127.0.0.1:9/schema.json" was not read')
    expect(result.root.requests).toHaveLength(3)
  })

  it('refuses a missing internal $ref with a clear message', async () => {
    const api = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x': { get: { parameters: [{ $ref: '#/components/parameters/nope' }], responses: {} } },
      },
    }
    expect(await refusal(JSON.stringify(api))).toMatch(/OpenAPI document could not be read: .*nope/)
  })

  it('refuses a forced format that does not match', async () => {
    const error = await importText('{"log": {"entries": []}}', { format: 'openapi' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toBe(
      'The pasted text does not look like an OpenAPI or Swagger document.',
    )
  })
})

describe('names that are Object.prototype keys', () => {
  it('a raw body language of "__proto__" is plain text, not a prototype lookup', async () => {
    const collection = {
      info: {
        name: 'Proto',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'R',
          request: {
            method: 'POST',
            url: 'http://h/x',
            body: { mode: 'raw', raw: 'x', options: { raw: { language: '__proto__' } } },
          },
        },
      ],
    }
    const result = await importText(JSON.stringify(collection))
    const body = result.root.requests[0]?.body
    expect(body).toEqual({ type: 'raw', text: 'x', contentType: 'text/plain' })
  })
})
