import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createReporters,
  type ReporterOptions,
} from '../../../../electron/core/runner/reporters/runReporter'
import type { RunEvent } from '../../../../shared/model/run'
import { buildRun, fail, feed, pass, refused } from './runEvents'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-html-report-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function html(events: RunEvent[], options: ReporterOptions = {}): Promise<string> {
  const [reporter] = createReporters(['html'], { cwd: dir, html: { export: 'r.html' }, ...options })
  await feed([reporter!], events)
  return readFile(join(dir, 'r.html'), 'utf8')
}

const run = () =>
  buildRun({
    iterations: 2,
    items: [
      { name: 'List products', tests: [pass('status is 200')] },
      {
        name: 'Search',
        body: '<script>alert("body")</script>0123456789',
        tests: (i) => [
          i === 1
            ? fail('<script>alert(1)</script> shows', 'expected <img src=x onerror=alert(2)>')
            : pass('<script>alert(1)</script> shows'),
        ],
      },
      { name: 'Health', error: refused },
    ],
  })

describe('html reporter', () => {
  it('puts the summary and the failures before the requests', async () => {
    const page = await html(run().events)
    const summary = page.indexOf('<h2 id="summary">')
    const failures = page.indexOf('<h2 id="failures">')
    const requests = page.indexOf('<h2 id="requests">')
    const firstExecution = page.indexOf('<li id="e-0"')
    expect(summary).toBeGreaterThan(0)
    expect(failures).toBeGreaterThan(summary)
    expect(requests).toBeGreaterThan(failures)
    expect(firstExecution).toBeGreaterThan(requests)
    expect(page).toContain('<h2 id="failures">Failures (3)</h2>')
    expect(page).toContain(
      '<tr><th scope="row">Requests</th><td class="n">6</td><td class="n failed-n">2</td></tr>',
    )
    expect(page).toContain('<h2 id="requests">Requests (6)</h2>')
    expect(page.match(/<li id="e-\d+" class="execution/g)).toHaveLength(6)
    // Each failure links to its request below.
    expect(page).toContain('<a href="#e-2">Health</a>, iteration 1')
    expect(page.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('escapes every value: a <script> in a test name, a message or a body stays text', async () => {
    const page = await html(run().events)
    expect(page).not.toContain('<script')
    expect(page).not.toContain('<img')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; shows')
    expect(page).toContain('expected &lt;img src=x onerror=alert(2)&gt;')
    expect(page).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;')
  })

  it('is self-contained: inline style, nothing loaded from anywhere', async () => {
    const page = await html(run().events)
    expect(page).toContain('<style>')
    expect(page).not.toMatch(/<(link|script|img|iframe|object|embed)\b/i)
    const tags = page.match(/<[a-z][^>]*>/gi) ?? []
    expect(tags.filter((t) => /\bsrc=/i.test(t))).toEqual([])
    // Links only to the requests in the page itself.
    expect(tags.filter((t) => /\bhref=/i.test(t) && !/href="#e-\d+"/.test(t))).toEqual([])
    const style = page.slice(page.indexOf('<style>'), page.indexOf('</style>'))
    expect(style).not.toMatch(/url\(|@import/i)
  })

  it('shows bodies cut at the report limit, saying so', async () => {
    const page = await html(run().events, { bodyLimit: 8 })
    expect(page).toContain(
      '<summary>Response body, first 8 characters of 1.23kB</summary><pre>&lt;script&gt;</pre>',
    )
  })

  it('shows at most 8 KiB of a body by default, so a long run stays a page a browser opens', async () => {
    const long = buildRun({ iterations: 1, items: [{ name: 'Big', body: 'x'.repeat(20_000) }] })
    const page = await html(long.events)
    expect(page).toContain(`<pre>${'x'.repeat(8192)}</pre>`)
    expect(page).not.toContain('x'.repeat(8193))
  })

  it('says how the run ended when it ended early', async () => {
    const { events } = buildRun({
      items: [{ name: 'One', tests: [pass('ok')] }],
      end: 'stopped',
      endMessage: 'Stopped after 1 request.',
    })
    const page = await html(events)
    expect(page).toContain('<p class="end early">Stopped: Stopped after 1 request.</p>')
  })
})
