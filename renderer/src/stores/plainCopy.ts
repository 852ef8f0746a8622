import { toRaw } from 'vue'

/**
 * A deep, plain copy of JSON data (specs, variables, drafts). Reactive state is shared
 * by reference; a copy is taken where a value must not follow later edits (what was sent,
 * a dialog's draft, a tab opened from elsewhere) and before Electron's IPC, which cannot
 * clone Vue's proxies. Objects and arrays are copied, strings shared: a 50 MB body costs
 * nothing, where a JSON round trip took ~0.3 s of UI thread per copy. Like JSON, it drops
 * undefined properties.
 */
export function plainCopy<T>(value: T): T {
  const raw = toRaw(value) as unknown
  if (Array.isArray(raw)) return raw.map((item: unknown) => plainCopy(item)) as T
  if (raw === null || typeof raw !== 'object') return raw as T
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(raw)) {
    if (item !== undefined) copy[key] = plainCopy(item)
  }
  return copy as T
}
