import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, type RunningServer } from '../servers'
import { screenshot, startWorkbench, type Workbench } from './harness'
import { WorkbenchPage } from './workbenchPage'

const SENTINEL = 'SENTINEL-e2e-7c41d0'
let httpbin: RunningServer
let bench: Workbench | null = null

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  await bench?.close()
  await httpbin?.close()
})

/** Every file below `dir`, for the secret check. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

async function addEnvironment(ui: WorkbenchPage, name: string, vars: [string, string, boolean][]) {
  const dialog = ui.page.getByRole('dialog', { name: 'Environments' })
  await dialog.getByRole('button', { name: 'Add environment' }).click()
  await dialog.getByRole('textbox', { name: 'Environment name' }).fill(name)
  const table = dialog.getByRole('table', { name: 'Variables' })
  for (const [i, [key, value, secret]] of vars.entries()) {
    await table.getByRole('textbox', { name: 'Variable name' }).nth(i).fill(key)
    await table.getByLabel('Variable value').nth(i).fill(value)
    if (secret) await table.getByRole('checkbox', { name: 'Secret' }).nth(i).check()
  }
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect
    .poll(() =>
      ui.page.getByRole('combobox', { name: 'Environment' }).locator('option').allTextContents(),
    )
    .toContain(name)
}

describe('saved workspaces and environments, across a restart', () => {
  it('sends {{base_url}}/put from an environment, saves it in a folder, finds it after a restart', async () => {
    bench = await startWorkbench()
    const dataDir = bench.dataDir
    let ui = new WorkbenchPage(bench.page)
    const page = () => bench!.page

    // A folder for the request.
    await page().getByRole('button', { name: 'Workspace actions' }).click()
    await page().getByRole('menuitem', { name: 'New folder' }).click()
    await page().getByRole('textbox', { name: 'Folder name' }).fill('Users')
    await page().getByRole('button', { name: 'Create' }).click()
    await page().getByRole('treeitem', { name: 'Users' }).waitFor()

    // Two environments; staging holds a secret token.
    await page().getByRole('button', { name: 'Manage environments' }).click()
    await addEnvironment(ui, 'staging', [
      ['base_url', httpbin.url, false],
      ['token', SENTINEL, true],
    ])
    await addEnvironment(ui, 'echo', [
      ['base_url', `${httpbin.url}/anything`, false],
      ['token', 'echo-token', false],
    ])
    await screenshot(page(), 'environments-dialog')
    await page()
      .getByRole('dialog', { name: 'Environments' })
      .getByRole('button', { name: 'Close', exact: true })
      .click()
    await page().getByRole('combobox', { name: 'Environment' }).selectOption('staging')

    await ui.setMethod('PUT')
    await ui.setUrl('{{base_url}}/put')
    await ui.setBodyType('JSON')
    await ui.typeInEditor('Request body', '{"name": "John Doe Smith"}')
    await ui.requestTab('Auth')
    await ui.request.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer' })
    await ui.request.getByRole('textbox', { name: 'Token' }).fill('{{token}}')
    expect(await ui.send()).toBe('200 OK')
    const first = (await ui.jsonBody()) as {
      url: string
      json: unknown
      headers: Record<string, string>
    }
    expect(first.url).toBe(`${httpbin.url}/put`)
    expect(first.json).toEqual({ name: 'John Doe Smith' })
    expect(first.headers.Authorization).toBe(`Bearer ${SENTINEL}`)

    // Save it into the folder.
    await page().keyboard.press('Control+s')
    const save = page().getByRole('dialog', { name: 'Save request' })
    await save.getByRole('textbox', { name: 'Request name' }).fill('Update user')
    await save.getByRole('combobox', { name: 'Folder' }).selectOption('Users')
    await save.getByRole('button', { name: 'Save' }).click()
    await page().getByRole('treeitem', { name: 'Update user' }).waitFor()
    await screenshot(page(), 'workspace-saved')

    // The secret is nowhere on disk.
    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file, 'utf8'), file).not.toContain(SENTINEL)
    }

    // Restart on the same data dir: the request is in the tree, the environment remembered.
    await bench.close()
    bench = await startWorkbench({ dataDir })
    ui = new WorkbenchPage(bench.page)
    await page().getByRole('treeitem', { name: 'Users' }).click()
    await page().getByRole('treeitem', { name: 'Update user' }).click()
    await expect
      .poll(() => ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe('{{base_url}}/put')
    expect(await page().getByRole('combobox', { name: 'Environment' }).inputValue()).toBe('staging')

    await page().getByRole('combobox', { name: 'Environment' }).selectOption('echo')
    expect(await ui.send()).toBe('200 OK')
    const second = (await ui.jsonBody()) as { url: string; headers: Record<string, string> }
    expect(second.url).toBe(`${httpbin.url}/anything/put`)
    expect(second.headers.Authorization).toBe('Bearer echo-token')
    await screenshot(page(), 'workspace-after-restart')
    expect(bench.errors).toEqual([])
  })
})
