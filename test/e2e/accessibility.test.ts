import { describe, expect, it } from 'vitest'
import { startBigJsonServer, startHttpbin } from '../servers'
import { seriousFindings } from './axe'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

// The accessibility gate: axe-core over each main screen, in the light and the dark theme
// (contrast differs), must find no serious or critical violation. A failure lists, per rule,
// its id, impact and the selector of every offending element.
const ctx = useWorkbench(async () => {
  const [httpbin, bigJson] = await Promise.all([startHttpbin(), startBigJsonServer(5 * 1024 ** 2)])
  return { httpbin, bigJson }
})

const page = () => ctx.bench.page
const theme = () => page().evaluate(() => document.documentElement.dataset.theme)

/**
 * Checks the page as it is now in both themes, softly, so one run reports every screen;
 * with a shot name, a screenshot of each theme goes to test-results/screenshots to look at.
 */
async function expectAccessible(screen: string, shot?: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page().emulateMedia({ colorScheme })
    await expect.poll(theme).toBe(colorScheme)
    expect.soft(await seriousFindings(page()), `${screen} (${colorScheme} theme)`).toEqual([])
    if (shot) await screenshot(page(), `${shot}-${colorScheme}`)
  }
}

describe('accessibility: no serious or critical axe violations', () => {
  it('on the workbench, each request and response tab, after a send', async () => {
    await expectAccessible('workbench, empty')
    await ctx.ui.newTab()
    await ctx.ui.setMethod('POST')
    await ctx.ui.setUrl(`${ctx.server.httpbin.url}/post?page=2&sort=name`)
    await ctx.ui.setBodyType('JSON')
    await ctx.ui.typeInEditor('Request body', '{"name": "Jane"}')
    expect(await ctx.ui.send()).toBe('200 OK')
    // Tabs with a count badge say it in words, not "Params2".
    for (const name of ['Params, 2 set', 'Body, set'])
      expect(await ctx.ui.request.getByRole('tab', { name, exact: true }).count()).toBe(1)
    expect(
      await ctx.ui.response.getByRole('tab', { name: /^Headers, \d+$/ }).textContent(),
    ).toMatch(/^Headers\d+$/)
    const requestTabs = [
      'Params',
      'Headers',
      'Body',
      'Auth',
      'Variables',
      'Tests',
      'Scripts',
      'Settings',
      'Code',
    ] as const
    for (const tab of requestTabs) {
      await ctx.ui.requestTab(tab)
      await expectAccessible(
        `workbench, request ${tab} tab`,
        tab === 'Params' ? 'a11y-workbench' : undefined,
      )
    }
    for (const tab of ['Body', 'Headers', 'Timeline'] as const) {
      await ctx.ui.responseTab(tab)
      await expectAccessible(`workbench, response ${tab} tab`)
    }
    expect(ctx.bench.errors).toEqual([])
    // 26 axe scans (13 screens, 2 themes): on a busy 2-core machine they took 79 s, past the
    // project's 60 s hang guard. A guard, not a speed check: nothing here asserts a duration.
  }, 240_000)

  it('on the environments dialog, with an environment and its variables', async () => {
    await page().getByRole('button', { name: 'Manage environments' }).click()
    const dialog = page().getByRole('dialog', { name: 'Environments' })
    await dialog.getByRole('button', { name: 'Add environment' }).click()
    await dialog.getByRole('textbox', { name: 'Environment name' }).fill('staging')
    const table = dialog.getByRole('table', { name: 'Variables' })
    await table.getByRole('textbox', { name: 'Variable name' }).first().fill('token')
    await table.getByLabel('Variable value').first().fill('s3cret')
    await expectAccessible('environments dialog', 'a11y-environments')
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expectAccessible('environments dialog, saved')
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    expect(ctx.bench.errors).toEqual([])
  })

  it('on the history panel and an opened entry', async () => {
    await page().getByRole('tab', { name: 'History' }).click()
    const pane = page().getByRole('region', { name: 'History' })
    const list = pane.getByRole('list', { name: 'History entries' })
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(0)
    await expectAccessible('history panel', 'a11y-history')
    await list.getByRole('listitem').first().getByRole('button').first().click()
    const entry = page().getByRole('dialog', { name: /^POST / })
    await entry.waitFor()
    await expectAccessible('history entry', 'a11y-history-entry')
    await entry.getByRole('button', { name: 'Close dialog' }).click()
    await page().getByRole('tab', { name: 'Workspace' }).click()
    expect(ctx.bench.errors).toEqual([])
  })

  it('on the import dialog, before and after an import', async () => {
    await page().getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = page().getByRole('dialog', { name: 'Import' })
    await expectAccessible('import dialog')
    await dialog
      .getByRole('textbox', { name: 'Paste to import' })
      .fill(`curl -X PUT '${ctx.server.httpbin.url}/put' -H 'X-Team: qa'`)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.getByRole('region', { name: 'Import report' }).waitFor()
    await expectAccessible('import dialog, report')
    await dialog.getByRole('button', { name: 'Done' }).click()
    expect(ctx.bench.errors).toEqual([])
  })

  it('on a large response in the big body viewer, Pretty, Raw and searching', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.bigJson.url}/big`)
    expect(await ctx.ui.send()).toBe('200 OK')
    await ctx.ui.responseTab('Body') // the response tab chosen earlier (Timeline) stays chosen
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    const lines = body.getByRole('region', { name: 'Response body lines' })
    await expect.poll(() => lines.locator('.row .text').first().textContent()).toBe('[')
    await expectAccessible('large response, Pretty')
    await body.getByRole('radio', { name: 'Raw' }).check()
    await body.getByRole('searchbox', { name: 'Search body' }).fill('zebrafish')
    await expect
      .poll(() => body.getByRole('search').getByRole('status').textContent())
      .toBe('1 of 1')
    await expectAccessible('large response, Raw with a search', 'a11y-large-response')
    expect(ctx.bench.errors).toEqual([])
  })

  it('on the Runner: its setup, a finished run and the details of a row', async () => {
    // A saved request of its own to run, so this screen does not depend on the tests above.
    await page().getByRole('button', { name: 'Import', exact: true }).click()
    const importing = page().getByRole('dialog', { name: 'Import' })
    await importing
      .getByRole('textbox', { name: 'Paste to import' })
      .fill(`curl '${ctx.server.httpbin.url}/get?runner=1'`)
    await importing.getByRole('button', { name: 'Import', exact: true }).click()
    await importing.getByRole('button', { name: 'Done' }).click()
    await page().getByRole('button', { name: 'Runner', exact: true }).click()
    const runner = page().getByRole('region', { name: 'Runner' })
    await runner.getByRole('list', { name: 'Requests to run' }).waitFor()
    await expectAccessible('runner setup', 'a11y-runner-setup')
    await runner.getByRole('button', { name: 'Run', exact: true }).click()
    await expect
      .poll(() =>
        runner
          .getByRole('status')
          .filter({ hasText: /^Completed/ })
          .count(),
      )
      .toBe(1)
    await runner.getByRole('table', { name: 'Run results' }).getByRole('button').first().click()
    await runner.getByRole('region', { name: 'Execution details' }).getByText('200 OK').waitFor()
    await expectAccessible('runner, a finished run and its details', 'a11y-runner-details')
    await runner.getByRole('button', { name: 'Close runner' }).click()
    // The run in history: one row that opens to its sends.
    await page().getByRole('tab', { name: 'History' }).click()
    const history = page().getByRole('region', { name: 'History' })
    const run = history.getByRole('button', { name: /^Run: / }).first()
    await run.click()
    await expect.poll(() => run.getAttribute('aria-expanded')).toBe('true')
    await history
      .getByRole('list', { name: /^Sends of run / })
      .getByRole('listitem')
      .first()
      .waitFor()
    await expectAccessible('history panel with a run opened', 'a11y-history-run')
    await page().getByRole('tab', { name: 'Workspace' }).click()
    expect(ctx.bench.errors).toEqual([])
  })
})
