import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { RunnerPage } from './runnerPage'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)
const runner = () => new RunnerPage(ctx.bench.page)
const shot = (name: string) => screenshot(ctx.bench.page, `runner-${name}`)

/** A Postman collection of GET requests with test scripts, pasted into Import as a user would. */
function collection(name: string, items: { name: string; path: string; test?: string }[]) {
  return JSON.stringify({
    info: {
      name,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items.map((i) => ({
      name: i.name,
      request: { method: 'GET', url: `${ctx.server.url}${i.path}` },
      event: i.test ? [{ listen: 'test', script: { exec: i.test.split('\n') } }] : [],
    })),
  })
}

async function importCollection(text: string) {
  const page = ctx.bench.page
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByRole('textbox', { name: 'Paste to import' }).fill(text)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await dialog.getByRole('region', { name: 'Import report' }).waitFor()
  await dialog.getByRole('button', { name: 'Done' }).click()
}

const USERS = [
  {
    name: '1 Get user',
    path: '/get?user={{user}}',
    test: `pm.test('status is 200', () => pm.response.to.have.status(200));
pm.test('echoes the user', () => pm.expect(pm.response.json().args.user).to.eql(pm.iterationData.get('user')));`,
  },
  {
    name: '2 Check id',
    path: '/anything/{{id}}',
    test: `pm.test('id matches the row', () => pm.expect(pm.response.json().url).to.match(new RegExp('/' + pm.iterationData.get('id') + '$')));
pm.test('id is 1', () => pm.expect(pm.response.json().url).to.match(/anything\\/1$/));`,
  },
  {
    name: '3 Created',
    path: '/status/201',
    test: `pm.test('status is 201', () => pm.response.to.have.status(201));`,
  },
]

describe('the Runner in the app', () => {
  it('runs a folder over a CSV data file, live, then filters, reruns failed and shows details', async () => {
    const page = ctx.bench.page
    const ui = runner()
    await importCollection(collection('Users', USERS))
    const data = join(mkdtempSync(join(tmpdir(), 'courier-run-data-')), 'users.csv')
    writeFileSync(data, 'user,id\nada,1\nbob,2\n')

    await ui.openFromFolder('Users')
    expect(await ui.requestOrder()).toEqual(['1 Get user', '2 Check id', '3 Created'])
    // The keyboard way to reorder: focus stays on the moved row's button.
    await ui.view.getByRole('button', { name: 'Move 3 Created up' }).click()
    expect(await ui.requestOrder()).toEqual(['1 Get user', '3 Created', '2 Check id'])
    await page.keyboard.press('Enter')
    expect(await ui.requestOrder()).toEqual(['3 Created', '1 Get user', '2 Check id'])
    // And by dragging: 3 Created back below 1 Get user.
    const list = ui.view.getByRole('list', { name: 'Requests to run' })
    await list.getByRole('listitem').nth(0).dragTo(list.getByRole('listitem').nth(1))
    expect(await ui.requestOrder()).toEqual(['1 Get user', '3 Created', '2 Check id'])

    await ui.view.getByRole('textbox', { name: 'Data file' }).fill(data)
    await expect
      .poll(() => ui.view.getByRole('status').first().textContent())
      .toMatch(/2 rows · columns: user, id/)
    expect(await ui.view.getByRole('spinbutton', { name: 'Iterations' }).inputValue()).toBe('2')
    await shot('setup')

    await ui.run()
    expect(await ui.ended()).toMatch(
      /^Completed · 2 iterations · 6 requests · 10 tests, 1 failed · average /,
    )
    expect(await ui.progress.getAttribute('aria-valuenow')).toBe('6')
    expect(await ui.progress.getAttribute('aria-valuemax')).toBe('6')
    expect(await ui.rows()).toEqual([
      '1 | Users/1 Get user | GET | 200 OK | 2 passed',
      '1 | Users/3 Created | GET | 201 CREATED | 1 passed',
      '1 | Users/2 Check id | GET | 200 OK | 2 passed',
      '2 | Users/1 Get user | GET | 200 OK | 2 passed',
      '2 | Users/3 Created | GET | 201 CREATED | 1 passed',
      '2 | Users/2 Check id | GET | 200 OK | 1 passed, 1 failed',
    ])
    await shot('finished')

    await ui.view.getByRole('checkbox', { name: 'Failures only' }).check()
    expect(await ui.rows()).toEqual(['2 | Users/2 Check id | GET | 200 OK | 1 passed, 1 failed'])

    await ui.table.getByRole('button', { name: 'Details of Users/2 Check id, iteration 2' }).click()
    await expect.poll(() => ui.details.textContent()).toContain('200 OK')
    expect(await ui.details.textContent()).toContain(`${ctx.server.url}/anything/2`)
    const body = ui.details.getByRole('region', { name: 'Response body excerpt' })
    expect(await body.textContent()).toContain('"url"')
    const tests = ui.details.getByRole('list', { name: 'Test results' }).getByRole('listitem')
    expect(await tests.allTextContents()).toEqual([
      expect.stringMatching(/Passed:.*id matches the row/),
      expect.stringMatching(/Failed:.*id is 1.*expected/),
    ])
    await shot('details')
    // The send is in history, whole.
    await ui.details.getByRole('button', { name: 'Open in history' }).click()
    const entry = page.getByRole('dialog', { name: /^GET / })
    await entry.waitFor()
    await entry.getByRole('button', { name: 'Close dialog' }).click()

    // Rerun failed: the one failing request, over the same two data rows.
    await ui.view.getByRole('checkbox', { name: 'Failures only' }).uncheck()
    await ui.view.getByRole('button', { name: 'Rerun failed' }).click()
    expect(await ui.ended()).toMatch(
      /^Completed · 2 iterations · 2 requests · 4 tests, 1 failed · average /,
    )
    expect(await ui.rows()).toEqual([
      '1 | Users/2 Check id | GET | 200 OK | 2 passed',
      '2 | Users/2 Check id | GET | 200 OK | 1 passed, 1 failed',
    ])
    expect(ctx.bench.errors).toEqual([])
  })

  it('exports the report as JUnit, JSON and HTML files', async () => {
    const ui = runner()
    const junit = await ui.exportReport('JUnit XML report')
    expect(junit).toMatch(/^<\?xml/)
    expect(junit).toContain('<testsuites')
    expect(junit).toMatch(/<failure[^>]*>[\s\S]*id is 1|id is 1[\s\S]*<failure/)
    const json = JSON.parse(await ui.exportReport('JSON report')) as {
      run: { stats: { requests: unknown; assertions: unknown }; failures: unknown[] }
    }
    expect(json.run.stats.requests).toEqual({ total: 2, failed: 0 })
    expect(json.run.stats.assertions).toEqual({ total: 4, failed: 1 })
    expect(json.run.failures).toHaveLength(1)
    const html = await ui.exportReport('HTML report')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('id is 1')
    expect(ctx.bench.errors).toEqual([])
  })

  it('stops a long run: Stop ends it at once, the table keeps what ran', async () => {
    const ui = runner()
    await importCollection(collection('Slow', [{ name: 'Wait a second', path: '/delay/1' }]))
    await ui.openFromFolder('Slow')
    await ui.view.getByRole('textbox', { name: 'Data file' }).fill('')
    await ui.view.getByRole('spinbutton', { name: 'Iterations' }).fill('30')
    await ui.run()
    await expect
      .poll(() => ui.progress.getAttribute('aria-valuenow'), { timeout: 10_000 })
      .toBe('1')
    expect(await ui.progress.getAttribute('aria-valuemax')).toBe('30')
    await shot('running')
    await ui.view.getByRole('button', { name: 'Stop', exact: true }).click()
    expect(await ui.ended()).toMatch(/^Stopped · \d+ iterations · \d+ requests/)
    const done = Number(await ui.progress.getAttribute('aria-valuenow'))
    expect(done).toBeGreaterThanOrEqual(1)
    expect(done).toBeLessThan(30)
    expect(await ui.rows()).toHaveLength(done)
    expect(ctx.bench.errors).toEqual([])
  })
})
