import fc from 'fast-check'
import { parse as parseYaml } from 'yaml'
import { expect } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import { ImportError } from '../../../../electron/core/interop/interopTypes'
import { EnvironmentSchema, SavedRequestSchema } from '../../../../shared/model/workspace'
import { allRequests, fixture } from './fixtures'

// What the importer property tests share: fixtures as documents, mutations of them, and
// the one rule every import keeps (a result that passes the schemas, or an ImportError).

export type Json = unknown
export type Path = (string | number)[]

/** Every path of a document (bounded), to pick mutation targets from. */
export function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length > 400 || !value || typeof value !== 'object') return out
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i): [number, Json] => [i, v])
    : Object.entries(value)
  for (const [key, child] of entries) {
    out.push([...prefix, key])
    pathsOf(child, [...prefix, key], out)
  }
  return out
}

export type Mutation = { at: number; kind: 'replace' | 'delete'; value: Json }

export function mutate(doc: Json, paths: Path[], mutations: Mutation[]): Json {
  const copy = structuredClone(doc) as Record<string | number, unknown>
  for (const m of mutations) {
    const path = paths[m.at % paths.length]!
    let parent: Record<string | number, unknown> | undefined = copy
    for (const key of path.slice(0, -1)) {
      const next: unknown = parent?.[key]
      parent =
        next && typeof next === 'object' ? (next as Record<string | number, unknown>) : undefined
    }
    if (!parent) continue
    const last = path[path.length - 1]!
    if (m.kind === 'delete') delete parent[last]
    // A copy: one generated value put at two paths would make the document cyclic.
    else parent[last] = structuredClone(m.value)
  }
  return copy
}

export const mutationArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<'replace' | 'delete'>('replace', 'delete'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string(),
    fc.constantFrom('__proto__', '{{constructor.constructor("x")()}}', '${x}', '$ref', null),
  ),
})

/** Runs one import: it must give a result or an ImportError, nothing else. */
export async function importsOrRefuses(text: string, fileName?: string): Promise<void> {
  try {
    const result = await importText(text, { fileName })
    expect(typeof result.format).toBe('string')
    expect(Array.isArray(result.notes)).toBe(true)
    // What it gives can be written: every request and environment passes the schemas.
    for (const request of allRequests(result.root)) SavedRequestSchema.parse(request)
    for (const environment of result.environments) EnvironmentSchema.parse(environment)
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    expect(error.message.length).toBeGreaterThan(10)
  }
}

export const documents: [string, Json][] = [
  ['postman-v21.collection.json', JSON.parse(fixture('postman-v21.collection.json'))],
  ['postman-v20.collection.json', JSON.parse(fixture('postman-v20.collection.json'))],
  ['postman.environment.json', JSON.parse(fixture('postman.environment.json'))],
  ['insomnia-v4.json', JSON.parse(fixture('insomnia-v4.json'))],
  ['sample.har', JSON.parse(fixture('sample.har'))],
  ['openapi-3.0.yaml', parseYaml(fixture('openapi-3.0.yaml'))],
  ['openapi-3.1.json', JSON.parse(fixture('openapi-3.1.json'))],
  ['swagger-2.0.json', JSON.parse(fixture('swagger-2.0.json'))],
]
