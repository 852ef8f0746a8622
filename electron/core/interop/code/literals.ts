/** Quotes a word for a POSIX shell; plain words stay bare. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_\-.,:/@%+=]+$/.test(text)) return text
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** A Python string literal (JSON's escapes are all valid Python escapes). */
export function pyString(text: string): string {
  return JSON.stringify(text)
}

/** A JavaScript string literal in single quotes. */
export function jsString(text: string): string {
  const inner = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")
  return `'${inner}'`
}

/** A parsed JSON value as a Python literal (dicts keep their key order), indented by four. */
export function pyValue(value: unknown, indent = ''): string {
  const inner = indent + '    '
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return pyString(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((v) => inner + pyValue(v, inner)).join(',\n')},\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '{}'
  const lines = entries.map(([k, v]) => `${inner}${pyString(k)}: ${pyValue(v, inner)}`)
  return `{\n${lines.join(',\n')},\n${indent}}`
}

/** Whether a JSON text survives parse + re-serialise with its meaning intact (no lost number precision). */
export function jsonIsPlain(text: string): boolean {
  // A number whose digits do not survive a round trip (big ints, 1.0) would be changed by
  // a client that re-serialises it; those bodies are sent as text instead.
  const tokens = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?\d[\d.eE+-]*/g) ?? []
  return tokens.every((t) => String(Number(t)) === t)
}

/**
 * A JSON text parsed when it survives a round trip ({@link jsonIsPlain}); `undefined` when
 * it is not valid JSON or would change, so the caller sends it as text.
 */
export function parsePlainJson(text: string): { value: unknown } | undefined {
  if (!jsonIsPlain(text)) return undefined
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}
