import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

const item = (name: string) => ctx.bench.page.getByRole('treeitem', { name, exact: true })

async function newFolder(name: string) {
  await ctx.bench.page.getByRole('button', { name: 'Workspace actions' }).click()
  await ctx.bench.page.getByRole('menuitem', { name: 'New folder' }).click()
  await ctx.bench.page.getByRole('textbox', { name: 'Folder name' }).fill(name)
  await ctx.bench.page.getByRole('button', { name: 'Create' }).click()
  await item(name).waitFor()
}

async function itemAction(name: string, action: string) {
  await item(name).hover()
  await item(name)
    .getByRole('button', { name: `Actions for ${name}` })
    .click()
  await ctx.bench.page.getByRole('menuitem', { name: action }).click()
}

describe('the workspace tree', () => {
  it('gives a folder headers and auth that its requests inherit, and shows them', async () => {
    await newFolder('Orders')
    await itemAction('Orders', 'Folder settings')
    const dialog = ctx.bench.page.getByRole('dialog', { name: 'Folder settings: Orders' })
    await dialog.getByRole('textbox', { name: 'Header name 1' }).fill('X-Team')
    await dialog.getByRole('textbox', { name: 'Header value 1' }).fill('qa')
    await dialog.getByRole('tab', { name: 'Auth' }).click()
    await dialog.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer' })
    await dialog.getByRole('textbox', { name: 'Token' }).fill('folder-token')
    await dialog.getByRole('button', { name: 'Save' }).click()

    await ctx.ui.setUrl(`${ctx.server.url}/headers`)
    await ctx.ui.requestTab('Auth')
    await ctx.ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'Inherit from folder' })
    await ctx.bench.page.keyboard.press('Control+s')
    const save = ctx.bench.page.getByRole('dialog', { name: 'Save request' })
    await save.getByRole('textbox', { name: 'Request name' }).fill('Headers echo')
    await save.getByRole('combobox', { name: 'Folder' }).selectOption('Orders')
    await save.getByRole('button', { name: 'Save' }).click()
    await item('Headers echo').waitFor()

    await expect
      .poll(() => ctx.ui.request.textContent())
      .toContain('Uses Bearer auth from "Orders"')
    await ctx.ui.requestTab('Headers')
    const inherited = ctx.ui.request.getByRole('table', { name: /Inherited from folders/ })
    await expect.poll(() => inherited.textContent()).toContain('X-Team')
    await screenshot(ctx.bench.page, 'workspace-inherited-headers')
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { headers: Record<string, string> }
    expect(echo.headers['X-Team']).toBe('qa')
    expect(echo.headers.Authorization).toBe('Bearer folder-token')
  })

  it('renames, duplicates, deletes with undo, moves by drag and drop, and filters', async () => {
    await item('Headers echo').focus()
    await ctx.bench.page.keyboard.press('F2')
    await ctx.bench.page.getByRole('textbox', { name: 'Name', exact: true }).fill('Echo headers')
    await ctx.bench.page.getByRole('button', { name: 'Rename' }).click()
    await item('Echo headers').waitFor()
    await expect
      .poll(() => ctx.bench.page.getByRole('tablist', { name: 'Open requests' }).textContent())
      .toContain('Echo headers')

    await itemAction('Echo headers', 'Duplicate')
    await item('Echo headers copy').waitFor()
    await item('Echo headers copy').focus()
    await ctx.bench.page.keyboard.press('Delete')
    await expect.poll(() => item('Echo headers copy').count()).toBe(0)
    await ctx.bench.page.getByRole('button', { name: 'Undo' }).click()
    await item('Echo headers copy').waitFor()

    await newFolder('Archive')
    await item('Echo headers copy').dragTo(item('Archive'))
    await item('Archive').click()
    await expect
      .poll(() => item('Echo headers copy').getAttribute('data-path'))
      .toBe('Archive/Echo headers copy.request.json')

    await ctx.bench.page.getByRole('searchbox', { name: 'Filter requests' }).fill('copy')
    await expect.poll(() => ctx.bench.page.getByRole('treeitem').count()).toBe(2)
    await screenshot(ctx.bench.page, 'workspace-filtered')
    await ctx.bench.page.getByRole('searchbox', { name: 'Filter requests' }).fill('')
  })

  it('shows a request another program wrote into the folder, without a restart', async () => {
    const dir = join(ctx.bench.dataDir, 'workspaces', 'Default')
    writeFileSync(
      join(dir, 'From git.request.json'),
      JSON.stringify({ schemaVersion: 1, name: 'From git', method: 'DELETE', url: 'http://h/x' }),
    )
    await item('From git').waitFor()
  })

  it('creates another workspace, saves into it with the Save button, and switches back', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'courier-e2e-ws-')), 'Team API')
    await ctx.bench.page.getByRole('button', { name: 'Workspace actions' }).click()
    await ctx.bench.page.getByRole('menuitem', { name: 'New workspace…' }).click()
    await ctx.bench.page.getByRole('textbox', { name: 'Folder path' }).fill(folder)
    await ctx.bench.page.getByRole('button', { name: 'Create' }).click()
    const title = ctx.bench.page
      .getByRole('region', { name: 'Workspace panel' })
      .getByRole('heading')
    await expect.poll(() => title.textContent()).toBe('Team API')
    expect(await ctx.bench.page.getByRole('treeitem').count()).toBe(0)

    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/get`)
    await ctx.ui.request.getByRole('button', { name: 'Save', exact: true }).click()
    const save = ctx.bench.page.getByRole('dialog', { name: 'Save request' })
    await save.getByRole('textbox', { name: 'Request name' }).fill('Ping')
    await save.getByRole('button', { name: 'Save' }).click()
    await item('Ping').waitFor()
    expect(existsSync(join(folder, 'Ping.request.json'))).toBe(true)

    await ctx.bench.page.getByRole('button', { name: 'Workspace actions' }).click()
    await ctx.bench.page.getByRole('menuitem', { name: 'Switch to My workspace' }).click()
    await item('Orders').waitFor()
    expect(await item('Ping').count()).toBe(0)
  })

  it('asks before closing a tab with unsaved changes', async () => {
    if ((await item('Orders').getAttribute('aria-expanded')) !== 'true')
      await item('Orders').click()
    await item('Echo headers').click()
    // Opening reads the file first: wait for its tab before editing it.
    await expect
      .poll(() => ctx.ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe(`${ctx.server.url}/headers`)
    await ctx.ui.setUrl(`${ctx.server.url}/anything`)
    // Delete on the focused tab closes it (the × is for the pointer, hidden from readers).
    await ctx.bench.page
      .getByRole('tablist', { name: 'Open requests' })
      .getByRole('tab', { name: 'GET Echo headers (changed)' })
      .press('Delete')
    const ask = ctx.bench.page.getByRole('dialog', { name: 'Unsaved changes' })
    await ask.waitFor()
    await screenshot(ctx.bench.page, 'unsaved-changes')
    await ask.getByRole('button', { name: "Don't save" }).click()
    await expect
      .poll(() => ctx.bench.page.getByRole('tablist', { name: 'Open requests' }).textContent())
      .not.toContain('Echo headers')
    expect(ctx.bench.errors).toEqual([])
  })
})
