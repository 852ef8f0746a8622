import type { Scripts } from '../../../shared/model/scripts'

/**
 * Scripts in workspace files: each one a list of its lines, so a diff shows the line that
 * changed; an empty script is left out, and so is `scripts` when both are empty. A file
 * may also give a script as one string (as typed by hand); either reads the same.
 */
export function encodeScripts(scripts: Scripts | undefined): Record<string, string[]> | undefined {
  if (!scripts) return undefined
  const out: Record<string, string[]> = {}
  for (const key of ['preRequest', 'postResponse'] as const) {
    if (scripts[key] !== '') out[key] = scripts[key].split('\n')
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * The inverse of encodeScripts on a parsed file's object holding `scripts` (a request,
 * or a `defaults`), in place; a message naming the field when it is malformed.
 */
export function decodeScripts(holder: Record<string, unknown>, field: string): string | null {
  const scripts = holder.scripts
  if (scripts === undefined) return null
  if (scripts === null || typeof scripts !== 'object' || Array.isArray(scripts)) {
    return `field ${field}: must be an object with preRequest and postResponse`
  }
  const decoded: Record<string, unknown> = { ...scripts }
  for (const key of ['preRequest', 'postResponse'] as const) {
    const value = decoded[key]
    if (value === undefined || typeof value === 'string') continue
    if (!Array.isArray(value) || value.some((line) => typeof line !== 'string')) {
      return `field ${field}.${key}: must be a list of strings (one per line) or a string`
    }
    decoded[key] = value.join('\n')
  }
  holder.scripts = decoded
  return null
}
