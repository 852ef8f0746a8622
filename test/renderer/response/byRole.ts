import type { DOMWrapper, VueWrapper } from '@vue/test-utils'

type Root = VueWrapper | DOMWrapper<Element>

/** The accessible name as these components give it: aria-label, else the text. */
const nameOf = (el: DOMWrapper<Element>) => el.attributes('aria-label') ?? el.text()

/** The element with a role (explicit or native) and an accessible name. */
export function byRole(root: Root, role: string, name: string | RegExp) {
  const selectors: Record<string, string> = {
    button: 'button, [role="button"]',
    textbox: 'input:not([type]), input[type="text"], input[type="search"], [role="textbox"]',
    radio: 'input[type="radio"]',
  }
  const candidates = root.findAll(selectors[role] ?? `[role="${role}"]`)
  const named = (el: DOMWrapper<Element>) => {
    // A radio is named by the label around it.
    const label = role === 'radio' ? el.element.closest('label')?.textContent?.trim() : null
    const n = label ?? nameOf(el)
    return typeof name === 'string' ? n === name : name.test(n)
  }
  const found = candidates.find(named)
  if (!found) {
    throw new Error(`No ${role} named ${String(name)} in:\n${candidates.map(nameOf).join('\n')}`)
  }
  return found
}

export const queryByRole = (root: Root, role: string, name: string | RegExp) => {
  try {
    return byRole(root, role, name)
  } catch {
    return null
  }
}

/** The texts of every role=status element (several live regions say different things). */
export const statuses = (root: Root) => root.findAll('[role="status"]').map((s) => s.text())

/** The rows shown in the body lines region: line number and text. */
export function shownRows(root: Root) {
  const region = byRole(root, 'region', 'Response body lines')
  return region.findAll('.row').map((row) => ({
    number: Number(row.get('.number').text()),
    text: row.get('.text').text(),
  }))
}

/** The texts of the first `count` rows shown. */
export function firstTexts(root: Root, count: number): string[] {
  return shownRows(root)
    .slice(0, count)
    .map((r) => r.text)
}
