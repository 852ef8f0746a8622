import { describe, expect, it } from 'vitest'
import { fileRunner, logged, run } from './harness'

const runner = fileRunner()
const prerequest = { event: 'prerequest' as const }

describe('pm.request', () => {
  it('reads the URL in parts, the method, headers and body', async () => {
    const result = await run(
      runner,
      `const u = pm.request.url
       console.log(u.toString(), u.getHost(), u.getPath(), u.getQueryString(), u.protocol, u.query.get('expand'))
       console.log(pm.request.method, pm.request.headers.get('accept'), pm.request.body.raw, pm.request.body.toString())`,
      { ...prerequest, request: { body: '{"a":1}', method: 'POST' } },
    )
    expect(logged(result)).toEqual([
      'https://api.example.com/users/7?expand=roles api.example.com /users/7 expand=roles https roles',
      'POST application/json {"a":1} {"a":1}',
    ])
  })

  it('keeps {{variables}} in the URL as written, and gives it back unchanged when untouched', async () => {
    const url = '{{baseUrl}}/users/{{id}}?q={{term}}&flag'
    const result = await run(
      runner,
      `console.log(pm.request.url.getHost(), String(pm.request.url))`,
      {
        ...prerequest,
        request: { url },
      },
    )
    expect(logged(result)).toEqual([`{{baseUrl}} ${url}`])
    expect(result.request.url).toBe(url)
  })

  it('returns the edits a pre-request script makes', async () => {
    const result = await run(
      runner,
      `pm.request.headers.add({ key: 'X-Request-Id', value: '42' })
       pm.request.headers.upsert({ key: 'accept', value: 'text/plain' })
       pm.request.addHeader('X-Legacy: yes')
       pm.request.removeHeader('X-Legacy')
       pm.request.url.query.add({ key: 'page', value: '2' })
       pm.request.url.query.remove('expand')
       pm.request.method = 'put'
       pm.request.body.raw = JSON.stringify({ name: 'Jane' })`,
      { ...prerequest, request: { body: '' } },
    )
    expect(result.error).toBeUndefined()
    expect(result.request).toEqual({
      name: 'Get user',
      url: 'https://api.example.com/users/7?page=2',
      method: 'PUT',
      headers: [
        ['Accept', 'text/plain'],
        ['X-Request-Id', '42'],
      ],
      body: '{"name":"Jane"}',
    })
  })

  it('takes a whole new URL and body', async () => {
    const result = await run(
      runner,
      `pm.request.url = 'http://localhost:3000/other?x=1'
       pm.request.body = { mode: 'raw', raw: 'text' }
       pm.request.url.addQueryParams('y=2')`,
      { ...prerequest, request: { body: 'old' } },
    )
    expect(result.request.url).toBe('http://localhost:3000/other?x=1&y=2')
    expect(result.request.body).toBe('text')
  })

  it('carries edits from one script to the next', async () => {
    const result = await run(
      runner,
      [
        `pm.request.headers.add({ key: 'X-From', value: 'workspace' })`,
        `console.log(pm.request.headers.get('X-From'))`,
      ],
      prerequest,
    )
    expect(logged(result)).toEqual(['workspace'])
    expect(result.request.headers).toContainEqual(['X-From', 'workspace'])
  })

  it("reads and edits a urlencoded body's fields as pm.request.body.urlencoded", async () => {
    const result = await run(
      runner,
      `const form = pm.request.body.urlencoded
console.log(pm.request.body.mode, form.get('user'), JSON.stringify(form.toObject()))
form.upsert({ key: 'user', value: 'ada' })
form.add({ key: 'otp', value: '123' })
form.remove('drop')`,
      {
        ...prerequest,
        request: {
          body: null,
          form: [
            ['user', 'jane'],
            ['drop', 'x'],
          ],
        },
      },
    )
    expect(logged(result)).toEqual(['urlencoded jane {"user":"jane","drop":"x"}'])
    expect(result.request.form).toEqual([
      ['user', 'ada'],
      ['otp', '123'],
    ])
  })

  it('reads pm.request.auth and returns the edits a script makes to it', async () => {
    const result = await run(
      runner,
      `const auth = pm.request.auth
console.log(auth.type, auth.parameters().get('token'), JSON.stringify(auth.toJSON()))
auth.use('basic', { username: 'ada' })
auth.update([{ key: 'password', value: 's3cret' }])`,
      { ...prerequest, request: { auth: { type: 'bearer', params: [['token', '{{token}}']] } } },
    )
    expect(logged(result)).toEqual([
      'bearer {{token}} {"type":"bearer","bearer":[{"type":"any","value":"{{token}}","key":"token"}]}',
    ])
    expect(result.request.auth).toEqual({
      type: 'basic',
      params: [
        ['username', 'ada'],
        ['password', 's3cret'],
      ],
    })
  })

  it('gives a request without auth none, until authorizeUsing; refuses an auth type Courier has not', async () => {
    const result = await run(
      runner,
      `console.log(typeof pm.request.auth)
pm.request.authorizeUsing('apikey', { key: 'X-Key', value: 'k', in: 'header' })
console.log(pm.request.auth.type)
pm.request.auth.use('hawk')`,
      prerequest,
    )
    expect(logged(result)).toEqual(['undefined', 'apikey'])
    expect(result.error?.message).toMatch(
      /^Error: pm\.request\.auth\.use: Courier does not support hawk auth \(it has noauth, basic, /,
    )
  })

  it("replaces the body's mode, content and language with update(), as Postman's RequestBody", async () => {
    const json = await run(
      runner,
      `pm.request.body.update({ mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } })
       console.log(JSON.stringify(pm.request.body.toJSON()))`,
      { ...prerequest, request: { body: null } },
    )
    expect(logged(json)).toEqual([
      '{"mode":"raw","raw":"{\\"a\\":1}","options":{"raw":{"language":"json"}}}',
    ])
    expect(json.request).toMatchObject({ body: '{"a":1}', language: 'json' })
    const text = await run(runner, `pm.request.body.update('words')`, {
      ...prerequest,
      request: { body: '{}', language: 'json' },
    })
    expect(text.request).toMatchObject({ body: 'words', language: 'text' })
    const form = await run(
      runner,
      `pm.request.body.update({ mode: 'urlencoded', urlencoded: 'b=2&c=3' })`,
      { ...prerequest, request: { body: 'x', language: 'text' } },
    )
    expect(form.request).toMatchObject({
      body: null,
      form: [
        ['b', '2'],
        ['c', '3'],
      ],
    })
    const refused = await run(
      runner,
      `pm.request.body.update({ mode: 'formdata', formdata: [] })`,
      prerequest,
    )
    expect(refused.error?.message).toBe(
      'Error: pm.request.body.update: Courier sends raw and urlencoded bodies set by a script, not formdata',
    )
  })

  it("places headers as Postman's PropertyList does: indexOf, insert, insertAfter", async () => {
    const result = await run(
      runner,
      `const h = pm.request.headers
       h.add({ key: 'B', value: '2' })
       console.log(h.indexOf('b'), h.indexOf('Nope'), h.indexOf(h.one('Accept')))
       h.insert({ key: 'Before-B', value: 'x' }, 'B')
       h.insertAfter({ key: 'After-Accept', value: 'y' }, 'Accept')
       h.insert({ key: 'Last', value: 'z' }, 'Nope')
       h.insertAfter({ key: 'First', value: 'w' })
       console.log(h.map((x) => x.key).join())`,
      prerequest,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['1 -1 0', 'First,Accept,After-Accept,Before-B,B,Last'])
  })

  it('names what it does not support', async () => {
    const result = await run(runner, `pm.request.certificate`, prerequest)
    expect(result.error?.message).toBe('Error: pm.request.certificate is not supported by Courier')
  })
})
