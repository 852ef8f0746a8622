import fc from 'fast-check'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../../electron/core/interop/import/importText'
import { ImportError } from '../../../../electron/core/interop/interopTypes'
import { EnvironmentSchema, SavedRequestSchema } from '../../../../shared/model/workspace'
import { allRequests, fixture } from './fixtures'

type Json = unknown
type Path = (string | number)[]

/** Every path of a document (bounded), to pick mutation targets from. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
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

type Mutation = { at: number; kind: 'replace' | 'delete'; value: Json }

function mutate(doc: Json, paths: Path[], mutations: Mutation[]): Json {
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
    else parent[last] = m.value
  }
  return copy
}

const mutationArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<'replace' | 'delete'>('replace', 'delete'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string(),
    fc.constantFrom('__proto__', '{{constructor.constructor("x")()}}', '${x}', '$ref', null),
  ),
})

/** Runs one import: it must give a result or an ImportError, nothing else. */
async function importsOrRefuses(text: string, fileName?: string): Promise<void> {
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

const documents: [string, Json][] = [
  ['postman-v21.collection.json', JSON.parse(fixture('postman-v21.collection.json'))],
  ['postman-v20.collection.json', JSON.parse(fixture('postman-v20.collection.json'))],
  ['postman.environment.json', JSON.parse(fixture('postman.environment.json'))],
  ['insomnia-v4.json', JSON.parse(fixture('insomnia-v4.json'))],
  ['sample.har', JSON.parse(fixture('sample.har'))],
  ['openapi-3.0.yaml', parseYaml(fixture('openapi-3.0.yaml'))],
  ['openapi-3.1.json', JSON.parse(fixture('openapi-3.1.json'))],
  ['swagger-2.0.json', JSON.parse(fixture('swagger-2.0.json'))],
]

describe('every importer either imports or refuses clearly', () => {
  for (const [name, doc] of documents) {
    const paths = pathsOf(doc)
    const runs = name.includes('api') || name.includes('swagger') ? 300 : 600
    it(`survives mutated ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
          async (mutations) => {
            await importsOrRefuses(JSON.stringify(mutate(doc, paths, mutations)), name)
          },
        ),
        { numRuns: runs },
      )
    })
  }

  it('survives truncated and spliced texts of every fixture', async () => {
    const texts = documents.map(([name]) => fixture(name))
    texts.push(fixture('insomnia-v4.yaml'), fixture('commands.curl'))
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: texts.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string({ maxLength: 20 }),
        async (which, where, insert) => {
          const text = texts[which]!
          const at = Math.floor(text.length * where)
          await importsOrRefuses(text.slice(0, at) + insert)
          await importsOrRefuses(text.slice(0, at) + insert + text.slice(at + insert.length))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('survives random curl commands', async () => {
    const token = fc.oneof(
      fc.constantFrom(
        '-X',
        'POST',
        '-H',
        "'A: b'",
        '-d',
        '@file',
        '--data-binary',
        '--data-urlencode',
        '--json',
        '-F',
        'k=@p',
        'k=<p',
        '-u',
        'a:b',
        '-b',
        'c=d',
        '-k',
        '-L',
        '--compressed',
        '--max-time',
        '--max-redirs',
        'https://x.test',
        '"',
        "'",
        '\\\n',
        '$(id)',
        '`id`',
        '${X}',
        ';',
        '|',
        '&&',
        '--proxy',
        '-G',
        '--url',
        '-o',
        '-T',
      ),
      fc.string({ maxLength: 12 }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 12 }), async (tokens) => {
        await importsOrRefuses(['curl', ...tokens].join(' '))
      }),
      { numRuns: 1500 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('survives arbitrary JSON and text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        async (text) => {
          await importsOrRefuses(text)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
