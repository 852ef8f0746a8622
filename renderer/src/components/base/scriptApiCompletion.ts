/**
 * Completion of the script API in the script editors: after `pm.` (or `courier.`) the
 * objects and methods the sandbox offers, each with a one-line description, so a tester
 * finds `pm.response.to.have.status` without the docs.
 */
import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete'
import type { Extension } from '@codemirror/state'

type Members = Record<string, string | { doc: string; members: Members }>

const variableScope = (what: string): { doc: string; members: Members } => ({
  doc: what,
  members: {
    get: 'get(name): the value, or undefined',
    set: 'set(name, value)',
    unset: 'unset(name)',
    has: 'has(name): true when set',
    toObject: 'toObject(): every name and value',
    replaceIn: 'replaceIn(text): {{name}} placeholders filled in',
  },
})

/** The sandbox's API as a tree of names; a leaf is a description. */
export const SCRIPT_API: Members = {
  test: 'test(name, fn): a named test; passes unless fn throws',
  expect: 'expect(value): a chai BDD assertion (to.equal, to.have.property, ...)',
  response: {
    doc: 'the response (post-response scripts)',
    members: {
      code: 'status code, e.g. 200',
      status: 'status text, e.g. "OK"',
      headers: {
        doc: 'response headers',
        members: { get: 'get(name)', has: 'has(name)', toObject: 'toObject()' },
      },
      json: 'json(): the body parsed as JSON',
      text: 'text(): the body as text',
      responseTime: 'milliseconds, whole exchange',
      size: 'size(): { body, header, total } in bytes',
      to: {
        doc: 'assertions on the response',
        members: {
          have: {
            doc: '',
            members: {
              status: 'to.have.status(200)',
              header: 'to.have.header(name, value?)',
              body: 'to.have.body(text)',
              jsonBody: 'to.have.jsonBody(path?, value?)',
              jsonSchema: 'to.have.jsonSchema(schema): the JSON body is valid (ajv, draft-07)',
            },
          },
          be: {
            doc: '',
            members: {
              ok: 'to.be.ok: 2xx',
              success: 'to.be.success: 2xx',
              clientError: 'to.be.clientError: 4xx',
              serverError: 'to.be.serverError: 5xx',
            },
          },
        },
      },
    },
  },
  request: {
    doc: 'the request being sent',
    members: {
      url: 'the URL',
      method: 'the method',
      headers: {
        doc: 'request headers',
        members: {
          add: 'add({ key, value })',
          upsert: 'upsert({ key, value })',
          remove: 'remove(name)',
          get: 'get(name)',
        },
      },
      body: 'the body',
    },
  },
  variables: variableScope(
    'variables of this send: local > data > environment > collection > globals',
  ),
  environment: variableScope('the active environment'),
  globals: variableScope('globals'),
  collectionVariables: variableScope('the workspace and folder variables'),
  iterationData: variableScope('the data file row of this iteration (runner)'),
  info: {
    doc: 'about this run',
    members: {
      requestName: 'the request name',
      iteration: 'the iteration (from 0)',
      eventName: '"prerequest" or "test"',
    },
  },
  sendRequest: 'sendRequest(request, callback?): another request; returns a promise too',
  cookies: {
    doc: "the response's cookies, and the cookie jar",
    members: {
      get: 'get(name): the value of a cookie the response set',
      has: 'has(name)',
      toObject: 'toObject(): the cookies by name',
      jar: 'jar(): the cookie jar the requests use: get, getAll, set, unset, clear (with a callback)',
    },
  },
  execution: {
    doc: 'the runner',
    members: {
      setNextRequest: 'setNextRequest(name | null)',
      skipRequest: 'skipRequest(): do not send this request',
      location:
        "location: the request's path (collection, folders, request); .current: whose script runs",
    },
  },
}

/** The members offered after `path` (e.g. ['response', 'to']), or null when it is not in the API. */
export function membersAt(path: readonly string[]): Members | null {
  let members: Members = SCRIPT_API
  for (const name of path) {
    const next = members[name]
    if (next === undefined || typeof next === 'string') return null
    members = next.members
  }
  return members
}

function complete(context: CompletionContext): CompletionResult | null {
  const before = context.matchBefore(/\b(?:pm|courier|insomnia)(?:\.[A-Za-z_$][\w$]*)*\.[\w$]*$/)
  if (!before) return null
  const parts = before.text.split('.')
  const typed = parts.pop() ?? ''
  const members = membersAt(parts.slice(1))
  if (!members) return null
  return {
    from: before.to - typed.length,
    options: Object.entries(members).map(([label, entry]) => ({
      label,
      type: typeof entry === 'string' && entry.includes('(') ? 'method' : 'property',
      detail: typeof entry === 'string' ? entry : entry.doc,
    })),
    validFor: /^[\w$]*$/,
  }
}

/** CodeMirror: the script API offered while typing `pm.`, `courier.` or `insomnia.`. */
export function scriptApiCompletion(): Extension {
  return autocompletion({ override: [complete], activateOnTyping: true })
}
