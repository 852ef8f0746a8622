import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixture } from './fixtures'
import { documents, importsOrRefuses, mutate, mutationArb, pathsOf } from './importFuzz'

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
