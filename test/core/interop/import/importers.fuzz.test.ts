import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documents, importsOrRefuses, mutate, pathsOf, type Json } from './importFuzz'

/**
 * Every importer over COURIER_FUZZ_RUNS small mutations of its fixture (2,000 by default
 * to keep CI short; COURIER_FUZZ_RUNS=10000 ran all five in ~46 s on a busy 2-core machine):
 * a result that passes the schemas or an ImportError that says why, never a raw
 * TypeError, and never a hang (a case taking 10 s fails). properties.test.ts mutates the
 * same fixtures more heavily, fewer times.
 */
const RUNS = Number(process.env.COURIER_FUZZ_RUNS ?? 2_000)
const HANG_MS = 10_000

// Small values: the bulk of the cost is the importer, not generating its input.
const smallMutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<'replace' | 'delete'>('replace', 'delete'),
  value: fc.oneof(
    fc.constantFrom<Json>(null, true, 0, -1, 1e308, '', [], {}, 'x', '__proto__', '{{a}}', '$ref'),
    fc.string({ maxLength: 6 }),
    fc.jsonValue({ maxDepth: 1 }),
  ),
})

const byImporter: [string, string][] = [
  ['postman', 'postman-v21.collection.json'],
  ['insomnia', 'insomnia-v4.json'],
  ['HAR', 'sample.har'],
  ['openapi', 'openapi-3.1.json'],
]

describe(`each importer over ${RUNS} mutated documents`, () => {
  for (const [importer, name] of byImporter) {
    const doc = documents.find(([n]) => n === name)![1]
    const paths = pathsOf(doc)
    it(`${importer} imports or refuses clearly`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(smallMutation, { minLength: 1, maxLength: 3 }), (mutations) =>
          importsOrRefuses(JSON.stringify(mutate(doc, paths, mutations)), name),
        ),
        { numRuns: RUNS, timeout: HANG_MS },
      )
    })
  }

  it('curl imports or refuses clearly', async () => {
    const token = fc.oneof(
      fc.constantFrom('-X', 'PUT', '-H', "'A: b'", '-d', 'x=1', '--data-urlencode', '-F', 'k=v'),
      fc.constantFrom('-u', 'a:b', '-b', 'c=d', '-G', '--url', 'https://x.test/?q=1', '"', "'"),
      fc.constantFrom('\\\n', '--json', '{}', '-k', '-L', '--compressed', '$(id)', '%', '#'),
      fc.string({ maxLength: 6 }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), (tokens) =>
        importsOrRefuses(['curl', ...tokens].join(' ')),
      ),
      { numRuns: RUNS, timeout: HANG_MS },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
