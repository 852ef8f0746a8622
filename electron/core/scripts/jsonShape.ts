/**
 * Checks that data crossing the sandbox boundary has the shape it should, naming the first
 * field that does not. Written out rather than with zod: a variable may be called
 * `__proto__`, and zod's records drop that key, where these keep it as an own property.
 */

/** A value that is not the shape expected; the message names the field. */
export class ShapeError extends Error {
  override name = 'ShapeError'
}

export type Check<T> = (value: unknown, path: string) => T

const fail = (path: string, what: string): never => {
  throw new ShapeError(`${path} must be ${what}`)
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const string: Check<string> = (v, path) =>
  typeof v === 'string' ? v : fail(path, 'a string')

export const boolean: Check<boolean> = (v, path) =>
  typeof v === 'boolean' ? v : fail(path, 'true or false')

/** A finite number, at least `min`. */
export const number =
  (min = -Infinity): Check<number> =>
  (v, path) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min
      ? v
      : fail(path, min === -Infinity ? 'a finite number' : `a number of at least ${min}`)

export const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check<number> =>
  (v, path) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? (v as number)
      : fail(path, `a whole number from ${min} to ${max}`)

export const oneOf =
  <T extends string>(...options: T[]): Check<T> =>
  (v, path) =>
    options.includes(v as T) ? (v as T) : fail(path, `one of ${options.join(', ')}`)

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v, path) =>
    v === undefined ? undefined : check(v, path)

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, path) =>
    v === null ? null : check(v, path)

export const array =
  <T>(check: Check<T>, max = Infinity): Check<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) return fail(path, 'a list')
    if (v.length > max) return fail(path, `a list of at most ${max} items`)
    return v.map((item, i) => check(item, `${path}[${i}]`))
  }

/** [name, value] pairs: headers, form fields. */
export const pairs: Check<[string, string][]> = array((v, path) => {
  if (!Array.isArray(v) || v.length !== 2) return fail(path, 'a [name, value] pair')
  return [string(v[0], `${path}[0]`), string(v[1], `${path}[1]`)]
})

/** An object of strings by name; every key kept as an own property, `__proto__` included. */
export const stringRecord: Check<Record<string, string>> = (v, path) => {
  if (!isRecord(v)) return fail(path, 'an object of strings')
  return Object.fromEntries(Object.keys(v).map((k) => [k, string(v[k], `${path}.${k}`)]))
}

/** How deep JSON data may nest in a value that crosses (a variable's object, say). */
const MAX_DEPTH = 100

/** JSON data: text, a finite number, true or false, null, or lists and objects of these. */
export const jsonValue: Check<unknown> = (v, path) => {
  const walk = (value: unknown, at: string, depth: number): void => {
    if (depth > MAX_DEPTH) fail(at, `JSON data nested at most ${MAX_DEPTH} deep`)
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(at, 'a finite number')
      return
    }
    if (Array.isArray(value))
      return value.forEach((item, i) => walk(item, `${at}[${i}]`, depth + 1))
    if (!isRecord(value)) return void fail(at, 'JSON data')
    for (const key of Object.keys(value)) walk(value[key], `${at}.${key}`, depth + 1)
  }
  walk(v, path, 0)
  return v
}

/** An object of JSON data by name; every key kept as an own property, `__proto__` included. */
export const jsonRecord: Check<Record<string, unknown>> = (v, path) => {
  if (!isRecord(v)) return fail(path, 'an object')
  return Object.fromEntries(Object.keys(v).map((k) => [k, jsonValue(v[k], `${path}.${k}`)]))
}

/** An object with the given fields checked, and no others kept. */
export const object =
  <T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> =>
  (v, path) => {
    if (!isRecord(v)) return fail(path, 'an object')
    const out = {} as T
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      const checked = fields[key](v[key], `${path}.${key}`)
      if (checked !== undefined) out[key] = checked
    }
    return out
  }
