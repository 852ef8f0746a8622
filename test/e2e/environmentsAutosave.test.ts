import { describe, expect, it } from 'vitest'
import { startHtmlServer } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

// The Environments dialog keeps what is typed in it: no Save needed before Close, Escape
// or a switch to another entry (EnvironmentManagerDialog.vue, useAutosave.ts).
const ctx = useWorkbench(startHtmlServer)

const dialog = () => ctx.bench.page.getByRole('dialog', { name: 'Environments' })
const open = () => ctx.bench.page.getByRole('button', { name: 'Manage environments' }).click()

async function addWithVariable(name: string, key: string, value: string) {
  await dialog().getByRole('button', { name: 'Add environment' }).click()
  await dialog().getByRole('textbox', { name: 'Environment name' }).fill(name)
  const table = dialog().getByRole('table', { name: 'Variables' })
  await table.getByRole('textbox', { name: 'Variable name' }).first().fill(key)
  await table.getByLabel('Variable value').first().fill(value)
}

async function expectKept(name: string, key: string, value: string) {
  await open()
  await dialog()
    .getByRole('navigation', { name: 'Environments list' })
    .getByRole('button', { name })
    .click()
  await expect
    .poll(() => dialog().getByRole('textbox', { name: 'Environment name' }).inputValue())
    .toBe(name)
  const table = dialog().getByRole('table', { name: 'Variables' })
  expect(await table.getByRole('textbox', { name: 'Variable name' }).first().inputValue()).toBe(key)
  expect(await table.getByLabel('Variable value').first().inputValue()).toBe(value)
}

describe('the Environments dialog loses nothing', () => {
  it('a new environment and its variable, closed with Close right away, are there on reopening', async () => {
    await open()
    await addWithVariable('staging', 'base_url', 'https://staging.example')
    await dialog().getByRole('button', { name: 'Close', exact: true }).click()
    await dialog().waitFor({ state: 'detached' })
    expect(
      await ctx.bench.page
        .getByRole('combobox', { name: 'Environment' })
        .locator('option')
        .allTextContents(),
    ).toContain('staging')
    await expectKept('staging', 'base_url', 'https://staging.example')
    await screenshot(ctx.bench.page, 'environments-kept-after-close')
    expect(ctx.bench.errors).toEqual([])
  })

  it('an edit closed with Escape, and one left by switching entries, are both kept', async () => {
    // The dialog is open on staging from the test before.
    const table = dialog().getByRole('table', { name: 'Variables' })
    await table.getByLabel('Variable value').first().fill('https://edited.example')
    await ctx.bench.page.keyboard.press('Escape')
    await dialog().waitFor({ state: 'detached' })
    await expectKept('staging', 'base_url', 'https://edited.example')

    await addWithVariable('qa', 'token', 'qa-1')
    await dialog().getByRole('button', { name: 'Globals' }).click()
    await expect.poll(() => dialog().getByRole('status').textContent()).toBe('All changes saved')
    await dialog().getByRole('button', { name: 'Close', exact: true }).click()
    await expectKept('qa', 'token', 'qa-1')
    await dialog().getByRole('button', { name: 'Close', exact: true }).click()
    expect(ctx.bench.errors).toEqual([])
  })

  it('an environment without a name keeps the dialog open and says why', async () => {
    await open()
    await dialog().getByRole('button', { name: 'Add environment' }).click()
    await dialog().getByRole('textbox', { name: 'Environment name' }).fill('')
    await dialog()
      .getByRole('table', { name: 'Variables' })
      .getByRole('textbox', { name: 'Variable name' })
      .first()
      .fill('orphan')
    await dialog().getByRole('button', { name: 'Close', exact: true }).click()
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toContain('Give the environment a name')
    expect(await dialog().isVisible()).toBe(true)
    await screenshot(ctx.bench.page, 'environments-unnamed-kept-open')
    // Deleting the unsaved one is the way out without a name.
    await dialog().getByRole('button', { name: 'Delete environment' }).click()
    await dialog().getByRole('button', { name: 'Close', exact: true }).click()
    await dialog().waitFor({ state: 'detached' })
    expect(ctx.bench.errors).toEqual([])
  })
})
