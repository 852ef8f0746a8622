/**
 * Posting a 10 MB string to a worker copies it on the posting thread in one go (7-15 ms
 * here). The history writer's input travels instead as a skeleton with its long strings
 * taken out, and each of those in slices, one slice per event-loop turn.
 */

/** Strings longer than this are taken out; also the length of a slice. */
export const SLICE_CHARS = 512 * 1024

/** Where a taken-out string sat: keys and indexes from the root. */
export type StringPath = (string | number)[]

/** `value` with every string over SLICE_CHARS replaced by '', and what was taken out. */
export function takeOutBigStrings<T>(value: T): {
  skeleton: T
  taken: { path: StringPath; text: string }[]
} {
  const taken: { path: StringPath; text: string }[] = []
  const walk = (node: unknown, path: StringPath): unknown => {
    if (typeof node === 'string') {
      if (node.length <= SLICE_CHARS) return node
      taken.push({ path, text: node })
      return ''
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]))
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]),
      )
    }
    return node
  }
  return { skeleton: walk(value, []) as T, taken }
}

/** The slices of a long string, each at most SLICE_CHARS. */
export function* slicesOf(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += SLICE_CHARS) yield text.slice(at, at + SLICE_CHARS)
}

/** Puts a taken-out string back where it was (in place). */
export function putBack(skeleton: unknown, path: StringPath, text: string): void {
  let node = skeleton as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path.at(-1)!] = text
}
