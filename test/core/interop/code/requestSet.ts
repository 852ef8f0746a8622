import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyRequest, type RequestSpec } from '../../../../shared/model/request'

const row = (key: string, value: string) => ({ key, value, enabled: true })

/** Requests covering each body type, query encoding and auth, all to httpbin's /anything echo. */
export function requestSet(base: string, dir: string): Record<string, RequestSpec> {
  const textFile = join(dir, 'notes file.txt')
  writeFileSync(textFile, 'line one\nline two é\n')
  const binFile = join(dir, 'data.bin')
  writeFileSync(binFile, Buffer.from([0, 1, 2, 250, 255]))
  const spec = (over: Partial<RequestSpec>): RequestSpec => ({ ...emptyRequest(), ...over })
  return {
    'PUT json': spec({
      method: 'PUT',
      url: '{{base}}/anything/users/7',
      params: [row('dry run', 'yes')],
      headers: [row('X-Team', 'qa')],
      body: {
        type: 'json',
        text: '{"name": "Jane \\"JD\\" Doe", "tags": ["a", "é"], "age": 41, "ok": true, "manager": null}',
      },
    }),
    'POST form': spec({
      method: 'POST',
      url: '{{base}}/anything',
      body: {
        type: 'form',
        fields: [row('name', 'Jane Doe'), row('note', 'a&b=c+d'), row('city', 'Zürich')],
      },
    }),
    'POST multipart': spec({
      method: 'POST',
      url: '{{base}}/anything',
      body: {
        type: 'multipart',
        parts: [
          { kind: 'text', key: 'title', value: 'Report @ 5', enabled: true },
          { kind: 'file', key: 'upload', path: textFile, enabled: true, contentType: 'text/plain' },
        ],
      },
    }),
    'GET query': spec({
      url: '{{base}}/anything?sort=name asc&lang=é',
      params: [
        row('q', 'hello world'),
        row('emoji', '日本 ✓'),
        row('plus', 'a+b'),
        row('off', 'x'),
      ],
    }),
    'PATCH raw XML': spec({
      method: 'PATCH',
      url: '{{base}}/anything/doc',
      body: {
        type: 'raw',
        text: '<user id="7">\n  <name>Jane</name>\n</user>',
        contentType: 'application/xml',
      },
    }),
    'GET basic auth': spec({
      url: '{{base}}/anything',
      auth: { type: 'basic', username: 'tester', password: 's3cret:pass' },
    }),
    'DELETE bearer': spec({
      method: 'DELETE',
      url: '{{base}}/anything/items/3',
      auth: { type: 'bearer', token: 'abc.def-123' },
      headers: [row('X-Request-Id', 'r-1'), row('X-Quote', "it's")],
    }),
    'GET api key in query': spec({
      url: '{{base}}/anything',
      auth: { type: 'apikey', key: 'api_key', value: 'k 1', in: 'query' },
    }),
    'POST binary': spec({
      method: 'POST',
      url: '{{base}}/anything',
      body: { type: 'binary', path: binFile, contentType: 'application/octet-stream' },
    }),
  }
}

/** The variables of every request in the set. */
export const variablesFor = (base: string) => ({ base })
