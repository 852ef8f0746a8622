import { describe, expect, it } from 'vitest'
import { createReporters } from '../../../../electron/core/runner/reporters/runReporter'
import type { CliReporterOptions } from '../../../../electron/core/runner/reporters/runReporter'
import { buildRun, fail, feed, pass, refused, type ItemSpec } from './runEvents'

const ITEMS: ItemSpec[] = [
  { name: 'List products', tests: [pass('status is 200'), pass('has items')] },
  {
    name: 'Get user',
    folder: 'Users',
    tests: (i) => [
      pass('status is 200'),
      i === 1 ? fail('name is Ann', "expected 'Bo' to equal 'Ann'") : pass('name is Ann'),
    ],
  },
  { name: 'Health', error: refused },
]

async function cliOutput(
  run: ReturnType<typeof buildRun>,
  cli: CliReporterOptions = {},
): Promise<string> {
  let out = ''
  const reporters = createReporters(['cli'], {
    cli: { color: 'off', ...cli, write: (text) => void (out += text) },
  })
  await feed(reporters, run.events)
  return out
}

describe('cli reporter', () => {
  it('prints each request as it runs, as newman does: title, request line, tests', async () => {
    const out = await cliOutput(buildRun({ iterations: 2, items: ITEMS }))
    const lines = out.split('\n')
    expect(lines.slice(0, 3)).toEqual(['courier', '', 'Shop API'])
    expect(out).toContain('\nIteration 1/2\n')
    expect(out).toContain('\nIteration 2/2\n')
    const first = lines.indexOf('→ List products')
    expect(lines.slice(first, first + 4)).toEqual([
      '→ List products',
      '  GET http://127.0.0.1:8080/List%20products [200 OK, 1.23kB, 23ms]',
      '  ✓  status is 200',
      '  ✓  has items',
    ])
    // A request in a folder: the folder once, then the request under it.
    expect(out).toContain('\n❏ Users\n↳ Get user\n  GET http://127.0.0.1:8080/Get%20user [200 OK')
    // Failures are numbered in the order of the list after the summary.
    expect(lines).toContain('  1⠄ Nothing listens on 127.0.0.1:9 (connection refused). (REFUSED)')
    expect(lines).toContain('  GET http://127.0.0.1:8080/Health [errored]')
    expect(lines).toContain('  2. name is Ann')
    expect(lines).toContain('  3⠄ Nothing listens on 127.0.0.1:9 (connection refused). (REFUSED)')
  })

  it('prints no iteration header for a single iteration', async () => {
    const out = await cliOutput(buildRun({ items: ITEMS }))
    expect(out).not.toContain('Iteration')
    expect(out).toContain('→ List products')
  })

  it('ends with the summary table of newman, with executed and failed per row', async () => {
    const out = await cliOutput(buildRun({ iterations: 2, items: ITEMS }))
    const row = (label: string) => {
      const line = out.split('\n').find((l) => new RegExp(`│\\s+${label} │`).test(l))
      expect(line, label).toBeDefined()
      return line!
        .split('│')
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .slice(1)
        .map(Number)
    }
    expect(row('iterations')).toEqual([2, 0])
    expect(row('requests')).toEqual([6, 2])
    expect(row('test-scripts')).toEqual([4, 0])
    expect(row('prerequest-scripts')).toEqual([0, 0])
    expect(row('assertions')).toEqual([8, 1])
    expect(out).toContain('total run duration: 2.5s')
    expect(out).toContain('total data received: 4.94kB (approx)')
    expect(out).toContain('average response time: 23ms')
    // The table comes after the last request.
    expect(out.indexOf('iterations │')).toBeGreaterThan(out.lastIndexOf('→ Health'))
  })

  it('lists every failure, numbered, with its request, iteration and message', async () => {
    const out = await cliOutput(buildRun({ iterations: 2, items: ITEMS }))
    const list = out.slice(out.indexOf('failure'))
    const entries = list.split('\n').filter((l) => /^\s*\d+\.\s/.test(l))
    expect(entries.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['1.', 'RequestError'],
      ['2.', 'AssertionError'],
      ['3.', 'RequestError'],
    ])
    expect(list).toMatch(
      /2\.\s+AssertionError\s+name is Ann\s*\n\s+expected 'Bo' to equal 'Ann'\s*\n\s+inside "Users\/Get user", iteration 2/,
    )
    expect(list).toMatch(/inside "Health", iteration 1/)
  })

  it('says why a run ended early, after the summary', async () => {
    const message = 'Stopped at the first failure (bail): "Health" in iteration 1.'
    const out = await cliOutput(buildRun({ items: ITEMS, end: 'bailed', endMessage: message }))
    expect(out.trimEnd().endsWith(message)).toBe(true)
  })

  it('colours only when asked, or for a terminal without NO_COLOR', async () => {
    const run = buildRun({ items: ITEMS })
    const ESC = '\u001b['
    expect(await cliOutput(run, { color: 'on' })).toContain(ESC)
    expect(await cliOutput(run, { color: 'off', isTTY: true })).not.toContain(ESC)
    expect(await cliOutput(run, { color: 'auto', isTTY: true, env: {} })).toContain(ESC)
    expect(await cliOutput(run, { color: 'auto', isTTY: false, env: {} })).not.toContain(ESC)
    expect(
      await cliOutput(run, { color: 'auto', isTTY: true, env: { NO_COLOR: '1' } }),
    ).not.toContain(ESC)
  })

  it('--silent prints nothing at all', async () => {
    expect(await cliOutput(buildRun({ iterations: 2, items: ITEMS }), { silent: true })).toBe('')
  })

  it('--verbose adds the response headers and the start of the body', async () => {
    const body = `{"items":[${'1,'.repeat(3000)}1]}`
    const run = buildRun({
      items: [
        {
          name: 'Big',
          headers: [['x-request-id', 'abc-123']],
          body,
          tests: [pass('ok')],
        },
      ],
    })
    const quiet = await cliOutput(run)
    expect(quiet).not.toContain('x-request-id')
    const loud = await cliOutput(run, { verbose: true })
    expect(loud).toContain('  ↓ x-request-id: abc-123\n')
    expect(loud).toContain(`  │ ${body.slice(0, 2048)}\n`)
    expect(loud).not.toContain(body.slice(0, 2049))
    expect(loud).toContain('(first 2048 characters of 1.23kB)')
  })

  it('prints control characters from responses and scripts as escapes, never raw', async () => {
    const out = await cliOutput(
      buildRun({ items: [{ name: 'Evil', tests: [fail('\u001b[2Jcleared', 'bell\u0007')] }] }),
    )
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/)
    expect(out).toContain('\\u001B[2Jcleared')
    expect(out).toContain('bell\\u0007')
  })
})
