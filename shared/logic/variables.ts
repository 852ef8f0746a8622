import type { RequestSpec } from '../model/request'
import { mapOAuth2Texts } from '../model/oauth2'

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g
/** Values may refer to other variables; this bounds a cycle like a -> b -> a. */
const MAX_NESTING = 5

/** The names of every `{{name}}` in a text, in order of appearance, without repeats. */
export function findVariables(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!)
  return [...names]
}

/** The default size limit of one field once its variables are resolved: 10 MB (in characters). */
export const DEFAULT_VARIABLE_SIZE_LIMIT = 10 * 1024 * 1024

/** A field's `{{variables}}` expand past the size limit; `variable` names the one that grew most. */
export class VariableSizeError extends Error {
  constructor(
    /** The variable (without braces) whose value expands the most in the field. */
    readonly variable: string,
    /** The limit that was passed, in characters. */
    readonly limit: number,
  ) {
    super(`{{${variable}}} expands past ${formatLimit(limit)}`)
    this.name = 'VariableSizeError'
  }
}

/** "10 MB", "512 KB", "800 characters": the limit as the settings show it. */
export function formatLimit(limit: number): string {
  const mb = limit / (1024 * 1024)
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
  return limit >= 1024 ? `${Math.round(limit / 1024)} KB` : `${limit} characters`
}

export interface ResolveOptions {
  /**
   * Most characters resolution may add to a field (default DEFAULT_VARIABLE_SIZE_LIMIT). A
   * value that refers to others many times grows exponentially: resolution stops as soon
   * as the text being built passes the limit, and throws a VariableSizeError.
   */
  limit?: number
  /**
   * A value for a name no variable has, made for each place it is used (Postman's dynamic
   * variables, {{$guid}}: each gets its own); undefined leaves the name unresolved.
   */
  dynamic?: (name: string) => string | undefined
}

/*
 * The limit is on what variables add: a 50 MB body typed as is stays sendable, while a
 * value that refers to others many times cannot grow past the limit.
 */

/**
 * Replaces each known `{{name}}` with its value (values may refer to other names); unknown
 * names stay. Throws VariableSizeError when the result would pass the size limit.
 */
export function resolveText(
  text: string,
  variables: Readonly<Record<string, string>>,
  options: ResolveOptions = {},
): string {
  // Most texts have no variable at all: every send resolves every field of its request.
  if (!text.includes('{{')) return text
  const limit = options.limit ?? DEFAULT_VARIABLE_SIZE_LIMIT
  const most = text.length + limit
  let current = text
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    // The size of what this pass has built so far: it throws before the string grows on.
    let size = 0
    let copied = 0
    const next = current.replace(PLACEHOLDER, (whole: string, name: string, offset: number) => {
      const value = Object.hasOwn(variables, name)
        ? variables[name]!
        : (options.dynamic?.(name) ?? whole)
      size += offset - copied + value.length
      copied = offset + whole.length
      if (size > most) throw new VariableSizeError(largestVariable(text, variables), limit)
      return value
    })
    if (next.length > most) throw new VariableSizeError(largestVariable(text, variables), limit)
    if (next === current) break
    current = next
  }
  return current
}

/**
 * The variable of `text` whose value expands the most, counted without building anything
 * (lengths only, each name and depth once), so the error can name it.
 */
function largestVariable(text: string, variables: Readonly<Record<string, string>>): string {
  const known = new Map<string, number>()
  const expandedLength = (name: string, depth: number): number => {
    const key = `${depth}:${name}`
    const seen = known.get(key)
    if (seen !== undefined) return seen
    const value = variables[name]!
    let length = value.length
    if (depth + 1 < MAX_NESTING) {
      for (const match of value.matchAll(PLACEHOLDER)) {
        if (!Object.hasOwn(variables, match[1]!)) continue
        length += expandedLength(match[1]!, depth + 1) - match[0].length
      }
    }
    const capped = Math.min(length, Number.MAX_SAFE_INTEGER)
    known.set(key, capped)
    return capped
  }
  let largest = ''
  let largestLength = -1
  for (const name of findVariables(text)) {
    if (!Object.hasOwn(variables, name)) continue
    const length = expandedLength(name, 0)
    if (length > largestLength) [largest, largestLength] = [name, length]
  }
  return largest
}

/** Every text of a request that may carry variables, so resolution and checks cover the same fields. */
/**
 * The request with `map` applied to each of those texts. `enabled` is false for the texts
 * of a disabled row or part (not sent), and undefined for every other text.
 */
function mapTexts(
  spec: RequestSpec,
  map: (text: string, enabled?: boolean) => string,
): RequestSpec {
  const rows = <T extends { key: string; value: string; enabled: boolean }>(list: T[]) =>
    list.map((row) => ({
      ...row,
      key: map(row.key, row.enabled),
      value: map(row.value, row.enabled),
    }))
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
              ? { ...p, key: map(p.key, p.enabled), value: map(p.value, p.enabled) }
              : { ...p, key: map(p.key, p.enabled), path: map(p.path, p.enabled) },
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
      case 'oauth2':
        return mapOAuth2Texts(a, map)
      case 'digest':
        return { ...a, username: map(a.username), password: map(a.password) }
      case 'ntlm':
        return {
          ...a,
          username: map(a.username),
          password: map(a.password),
          domain: map(a.domain),
          workstation: map(a.workstation),
        }
      case 'awsv4':
        return {
          ...a,
          accessKeyId: map(a.accessKeyId),
          secretAccessKey: map(a.secretAccessKey),
          sessionToken: map(a.sessionToken),
          region: map(a.region),
          service: map(a.service),
        }
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
  options: ResolveOptions = {},
): Resolution {
  const unresolved = new Set<string>()
  const resolved = mapTexts(spec, (text, enabled) => {
    const done = resolveText(text, variables, options)
    // A disabled row is not sent: what it leaves unresolved does not matter.
    if (enabled !== false && done.includes('{{'))
      for (const name of findVariables(done)) unresolved.add(name)
    return done
  })
  return { spec: resolved, unresolved: [...unresolved].sort() }
}

/**
 * The request resolved, or as written when a field would pass the size limit: for what
 * is kept of a send (history, reports), which must not fail, nor grow, for that.
 */
export function resolvedOrAsWritten(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
): RequestSpec {
  try {
    return resolveRequest(spec, variables).spec
  } catch (error) {
    if (error instanceof VariableSizeError) return spec
    throw error
  }
}

/** resolveText, or the text as written when it would pass the size limit (see resolvedOrAsWritten). */
export function resolveTextOrAsWritten(
  text: string,
  variables: Readonly<Record<string, string>>,
): string {
  try {
    return resolveText(text, variables)
  } catch (error) {
    if (error instanceof VariableSizeError) return text
    throw error
  }
}
