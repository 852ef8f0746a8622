import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { RunnerPage } from './runnerPage'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)
const file = join(mkdtempSync(join(tmpdir(), 'courier-e2e-upload-')), 'report.txt')
writeFileSync(file, 'quarterly numbers')

/** A collection whose one request uploads `file` as a multipart field, as Postman exports it. */
const collection = (name = 'Uploads') =>
  JSON.stringify({
    info: {
      name,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      {
        name: 'Send report',
        request: {
          method: 'POST',
          url: `${ctx.server.url}/post`,
          body: { mode: 'formdata', formdata: [{ key: 'report', type: 'file', src: file }] },
        },
      },
    ],
  })

describe('a file named by an imported request', () => {
  it('is uploaded only after the dialog naming it is answered, then without asking', async () => {
    const page = ctx.bench.page
    await page.getByRole('button', { name: 'Import' }).click()
    const importDialog = page.getByRole('dialog', { name: 'Import' })
    await importDialog.getByRole('textbox', { name: 'Paste to import' }).fill(collection())
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect
      .poll(() => importDialog.getByRole('region', { name: 'Import report' }).textContent())
      .toMatch(/Imported 1 request/)
    await importDialog.getByRole('button', { name: 'Done' }).click()
    await page.getByRole('treeitem', { name: 'Uploads', exact: true }).click()
    await page.getByRole('treeitem', { name: 'Send report', exact: true }).click()
    await expect
      .poll(() => ctx.ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe(`${ctx.server.url}/post`)

    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    const ask = page.getByRole('dialog', { name: 'Upload this file?' })
    await ask.waitFor({ state: 'visible' })
    expect(await ask.textContent()).toContain(file)
    await screenshot(page, 'file-consent-dialog')
    await ask.getByRole('button', { name: 'Always for this workspace' }).click()
    await ctx.ui.status.waitFor({ state: 'visible' })
    expect((await ctx.ui.status.textContent())?.trim()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { files: Record<string, string> }
    expect(echo.files).toEqual({ report: 'quarterly numbers' })

    // Kept for this workspace on this machine: the next send does not ask.
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ask.count()).toBe(0)
  })
})

describe('a run of imported requests that upload a file', () => {
  it('asks before the run starts, naming the file; "Upload once" sends it in this run only', async () => {
    const page = ctx.bench.page
    const runnerFile = join(mkdtempSync(join(tmpdir(), 'courier-e2e-run-upload-')), 'report.txt')
    writeFileSync(runnerFile, 'run numbers')
    await page.getByRole('button', { name: 'Import' }).click()
    const importDialog = page.getByRole('dialog', { name: 'Import' })
    await importDialog
      .getByRole('textbox', { name: 'Paste to import' })
      .fill(collection('Run uploads').replaceAll(JSON.stringify(file), JSON.stringify(runnerFile)))
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click()
    await importDialog.getByRole('region', { name: 'Import report' }).waitFor()
    await importDialog.getByRole('button', { name: 'Done' }).click()

    const runner = new RunnerPage(page)
    await runner.openFromFolder('Run uploads')
    await runner.run()
    const ask = page.getByRole('dialog', { name: 'Upload this file?' })
    await ask.waitFor({ state: 'visible' })
    expect(await ask.textContent()).toContain('This run uploads')
    expect(await ask.textContent()).toContain(runnerFile)
    await screenshot(page, 'runner-file-consent-dialog')
    await ask.getByRole('button', { name: 'Upload once' }).click()
    expect(await runner.ended()).toMatch(/^Completed/)
    expect(await runner.rows()).toEqual(['1 | Run uploads/Send report | POST | 200 OK | —'])

    // Once means this run: the next one asks again, and Cancel does not start it.
    await runner.run()
    await ask.waitFor({ state: 'visible' })
    await ask.getByRole('button', { name: 'Cancel' }).click()
    await expect
      .poll(() => runner.view.getByRole('alert').textContent())
      .toMatch(/The run did not start: it uploads .*report\.txt, which you did not confirm/)
  })
})
