/**
 * The small key/value document store settings and app state live in. electron-store
 * implements it in the app, `conf` in Node (same file format), a Map in tests.
 */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  /** Where the data is kept, for messages and the About box. */
  readonly path: string
}

export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial))
  return {
    path: ':memory:',
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
  }
}
