import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** A tab by its label, whether or not it says a count after it ("Params, 2 set"). */
export const tabName = (label: string): RegExp =>
  new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, .+)?$`)

/**
 * The workbench as a tester sees it, found by role and accessible name only, so these
 * tests also prove the UI is usable with a keyboard and a screen reader.
 */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get request(): Locator {
    return this.page.getByRole('region', { name: 'Request' })
  }
  get response(): Locator {
    return this.page.getByRole('region', { name: 'Response' })
  }
  get status(): Locator {
    return this.response.getByLabel('Response status')
  }

  /** Opens a new request tab, so each test starts from an empty GET. */
  async newTab() {
    await this.page.getByRole('button', { name: 'New request tab' }).click()
    await expect
      .poll(() => this.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe('')
  }

  async setMethod(method: string) {
    const box = this.request.getByRole('combobox', { name: 'Method' })
    await box.fill(method)
    await box.press('Enter')
    await expect.poll(() => box.inputValue()).toBe(method)
  }

  async setUrl(url: string) {
    await this.request.getByRole('textbox', { name: 'URL' }).fill(url)
  }

  async requestTab(
    name:
      | 'Params'
      | 'Headers'
      | 'Body'
      | 'Auth'
      | 'Variables'
      | 'Tests'
      | 'Scripts'
      | 'Settings'
      | 'Code',
  ) {
    await this.request.getByRole('tab', { name: tabName(name) }).click()
  }

  async responseTab(name: 'Body' | 'Headers' | 'Timeline') {
    await this.response.getByRole('tab', { name: tabName(name) }).click()
  }

  /** Replaces the text of a CodeMirror editor found by its accessible name. */
  async typeInEditor(name: string, text: string) {
    const editor = this.page.getByRole('textbox', { name, exact: true })
    await editor.click()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('Delete')
    await this.page.keyboard.insertText(text)
  }

  async setBodyType(label: string) {
    await this.requestTab('Body')
    await this.request.getByRole('combobox', { name: 'Body type' }).selectOption({ label })
  }

  /** Clicks Send and waits for a status line (any status). */
  async send(): Promise<string> {
    await this.request.getByRole('button', { name: 'Send' }).click()
    await this.status.waitFor({ state: 'visible' })
    return (await this.status.textContent())?.trim() ?? ''
  }

  /** The response body exactly as received (the Raw view's text). */
  async rawBody(): Promise<string> {
    await this.responseTab('Body')
    const body = this.response.getByRole('group', { name: 'Response body' })
    await body
      .getByRole('radio', { name: 'Raw' })
      .or(body.getByRole('tab', { name: 'Raw' }))
      .click()
    const text = body.getByRole('textbox', { name: 'Response body text' })
    return (await text.evaluate((el) => (el as HTMLElement).innerText)).trim()
  }

  /** The response body parsed as JSON (httpbin echoes). */
  async jsonBody(): Promise<Record<string, unknown>> {
    return JSON.parse(await this.rawBody()) as Record<string, unknown>
  }
}
