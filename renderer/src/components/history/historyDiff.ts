import { diffLines } from 'diff'

export interface DiffRow {
  left: string | null
  right: string | null
  kind: 'same' | 'removed' | 'added' | 'changed'
}

/** Key order does not matter in JSON: objects are printed with sorted keys before comparing. */
export function normalizeJson(text: string): string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return text
  }
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v
  return JSON.stringify(sorted(value), null, 2)
}

/** Side-by-side rows of a line diff; a removal followed by an addition pairs up as a change. */
export function diffRows(left: string, right: string): DiffRow[] {
  const rows: DiffRow[] = []
  const parts = diffLines(left, right)
  const lines = (text: string) => text.replace(/\n$/, '').split('\n')
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (!part.added && !part.removed) {
      for (const line of lines(part.value)) rows.push({ left: line, right: line, kind: 'same' })
    } else if (part.removed && parts[i + 1]?.added) {
      const removed = lines(part.value)
      const added = lines(parts[++i]!.value)
      for (let j = 0; j < Math.max(removed.length, added.length); j++) {
        rows.push({ left: removed[j] ?? null, right: added[j] ?? null, kind: 'changed' })
      }
    } else {
      for (const line of lines(part.value)) {
        rows.push(
          part.added
            ? { left: null, right: line, kind: 'added' }
            : { left: line, right: null, kind: 'removed' },
        )
      }
    }
  }
  return rows
}

/** Headers compared by name (case-insensitive), repeated ones joined, in the left's order. */
export function diffHeaders(left: [string, string][], right: [string, string][]): DiffRow[] {
  const collect = (list: [string, string][]) => {
    const map = new Map<string, { name: string; values: string[] }>()
    for (const [name, value] of list) {
      const key = name.toLowerCase()
      const entry = map.get(key) ?? { name, values: [] }
      entry.values.push(value)
      map.set(key, entry)
    }
    return map
  }
  const a = collect(left)
  const b = collect(right)
  const names = [...new Set([...a.keys(), ...b.keys()])]
  return names.map((key) => {
    const l = a.get(key)
    const r = b.get(key)
    const text = (e: { name: string; values: string[] } | undefined) =>
      e ? `${e.name}: ${e.values.join(', ')}` : null
    // Header names are case-insensitive: only the values can differ.
    const same = l && r && l.values.join('\n') === r.values.join('\n')
    const kind = !l ? 'added' : !r ? 'removed' : same ? 'same' : 'changed'
    return { left: text(l), right: text(r), kind }
  })
}
