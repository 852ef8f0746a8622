import type { RequestSpec } from '../model/request'

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g
/** Values may refer to other variables; this bounds a cycle like a -> b -> a. */
const MAX_NESTING = 5

/** The names of every `{{name}}` in a text, in order of appearance, without repeats. */
export function findVariables(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!)
  return [...names]
}

/** Replaces each known `{{name}}` with its value (values may refer to other names); unknown names stay. */
export function resolveText(text: string, variables: Readonly<Record<string, string>>): string {
  let current = text
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const next = current.replace(PLACEHOLDER, (whole, name: string) =>
      Object.hasOwn(variables, name) ? variables[name]! : whole,
    )
    if (next === current) break
    current = next
  }
  return current
}

/** Every text of a request that may carry variables, so resolution and checks cover the same fields. */
function mapTexts(spec: RequestSpec, map: (text: string) => string): RequestSpec {
  const rows = <T extends { key: string; value: string }>(list: T[]) =>
    list.map((row) => ({ ...row, key: map(row.key), value: map(row.value) }))
  const body = ((): RequestSpec['body'] => {
    const b = spec.body
    switch (b.type) {
      case 'json':
      case 'raw':
        return { ...b, text: map(b.text) }
      case 'form':
        return { ...b, fields: rows(b.fields) }
      case 'multipart':
        return {
          ...b,
          parts: b.parts.map((p) =>
            p.kind === 'text'
              ? { ...p, key: map(p.key), value: map(p.value) }
              : { ...p, key: map(p.key), path: map(p.path) },
          ),
        }
      case 'binary':
        return { ...b, path: map(b.path) }
      default:
        return b
    }
  })()
  const auth = ((): RequestSpec['auth'] => {
    const a = spec.auth
    switch (a.type) {
      case 'basic':
        return { ...a, username: map(a.username), password: map(a.password) }
      case 'bearer':
        return { ...a, token: map(a.token) }
      case 'apikey':
        return { ...a, key: map(a.key), value: map(a.value) }
      default:
        return a
    }
  })()
  return {
    ...spec,
    url: map(spec.url),
    params: rows(spec.params),
    headers: rows(spec.headers),
    body,
    auth,
  }
}

export interface Resolution {
  spec: RequestSpec
  /** Names still unresolved in an enabled part of the request, sorted. */
  unresolved: string[]
}

/** Resolves `{{name}}` in URL, params, headers, body and auth. Disabled rows do not count as unresolved. */
export function resolveRequest(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
): Resolution {
  const resolved = mapTexts(spec, (text) => resolveText(text, variables))
  const unresolved = new Set<string>()
  const enabledOnly = pruneDisabled(resolved)
  mapTexts(enabledOnly, (text) => {
    for (const name of findVariables(text)) unresolved.add(name)
    return text
  })
  return { spec: resolved, unresolved: [...unresolved].sort() }
}

function pruneDisabled(spec: RequestSpec): RequestSpec {
  const body = spec.body
  return {
    ...spec,
    params: spec.params.filter((r) => r.enabled),
    headers: spec.headers.filter((r) => r.enabled),
    body:
      body.type === 'form'
        ? { ...body, fields: body.fields.filter((r) => r.enabled) }
        : body.type === 'multipart'
          ? { ...body, parts: body.parts.filter((p) => p.enabled) }
          : body,
  }
}
