import { RAW_ROW_BYTES } from '../../../shared/model/body'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import LargeBodyViewer from '../../../renderer/src/components/response/large/LargeBodyViewer.vue'
import { MAX_SCROLL_HEIGHT } from '../../../renderer/src/components/response/large/scrollMapping'
import { useFakeApi } from '../fakeApi'
import { byRole, queryByRole, shownRows, statuses, firstTexts } from './byRole'

// happy-dom lays nothing out: rows are 20 px and the viewport 200 px (10 rows) by props.
const ROW = 20
const VIEWPORT = 200

const fake = useFakeApi()

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`)
const users = (count: number) =>
  JSON.stringify(Array.from({ length: count }, (_, id) => ({ id, name: `user ${id}` })))

/** JSON this big opens as received, with Format offered; smaller JSON opens formatted. */
const OVER_PRETTY_FIRST = 16 * 1024 * 1024 + 1

async function mountBody(body: string, json = false, size = body.length) {
  const bodyId = fake().bodies.keep(body)
  const w = mount(LargeBodyViewer, {
    props: { bodyId, size, json, rowHeight: ROW, viewportHeight: VIEWPORT },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}
type Viewer = Awaited<ReturnType<typeof mountBody>>

async function scrollTo(w: Viewer, top: number) {
  const region = byRole(w, 'region', 'Response body lines')
  region.element.scrollTop = top
  await region.trigger('scroll')
  await flushPromises()
}

async function format(w: Viewer) {
  await byRole(w, 'button', 'Format').trigger('click')
  await flushPromises()
}

describe('LargeBodyViewer', () => {
  it('opens in Raw with a note and shows the first lines, which come with the open', async () => {
    const w = await mountBody(numbered(3000).join('\n'))
    expect(w.text()).toContain('Large response (')
    expect(w.text()).toContain('): shown as received.')
    // Not JSON: nothing to format.
    expect(queryByRole(w, 'button', 'Format')).toBeNull()
    expect(queryByRole(w, 'radio', 'Pretty')).toBeNull()
    const rows = shownRows(w)
    expect(rows[0]).toEqual({ number: 1, text: 'line 1' })
    // The viewport's 10 rows and a small overscan, never the whole body.
    expect(rows.length).toBeLessThan(30)
    // The first page came with body:open: no other call for the first screen.
    expect(fake().bodies.opens).toEqual(['raw'])
    expect(fake().bodies.linesCalls).toEqual([])
  })

  it('fetches later pages as the viewport reaches them', async () => {
    const w = await mountBody(numbered(3000).join('\n'))
    await scrollTo(w, 2200 * ROW)
    expect(fake().bodies.linesCalls.map((c) => c.from)).toEqual([2000])
    const rows = shownRows(w)
    expect(rows.find((r) => r.number === 2201)?.text).toBe('line 2201')
    expect(w.find('.rows').attributes('style')).toContain(`translateY(${(2201 - 9) * ROW}px)`)
  })

  it('caps the scroll height for millions of rows and still reaches the last line', async () => {
    const w = await mountBody(numbered(1_000_000).join('\n'))
    const spacer = w.get('.spacer')
    expect(spacer.attributes('style')).toContain(`height: ${MAX_SCROLL_HEIGHT}px`)
    await scrollTo(w, MAX_SCROLL_HEIGHT / 2)
    expect(shownRows(w).some((r) => r.number === 500_000)).toBe(true)
    await scrollTo(w, MAX_SCROLL_HEIGHT - VIEWPORT)
    const rows = shownRows(w)
    expect(rows[rows.length - 1]).toEqual({ number: 1_000_000, text: 'line 1000000' })
  })

  it('opens JSON over 16 MB in Raw, formats it on the Node side with progress, then shows Pretty', async () => {
    const w = await mountBody(users(50), true, OVER_PRETTY_FIRST)
    // Raw: the one-line body cut into rows of RAW_ROW_BYTES.
    expect(shownRows(w)).toHaveLength(Math.ceil(users(50).length / RAW_ROW_BYTES))
    fake().bodies.control.holdFormatting = true
    await format(w)
    fake().emitBodyProgress({ bodyId: 'body-1', view: 'pretty', done: 0.42 })
    await flushPromises()
    expect(statuses(w)).toContain('Formatting… 42%')

    fake().bodies.finishFormatting()
    await flushPromises()
    expect(byRole(w, 'radio', 'Pretty').element).toHaveProperty('checked', true)
    expect(firstTexts(w, 3)).toEqual(['[', '{', '"id": 0,'])
    expect(w.text()).not.toContain('Formatting')
    expect(w.text()).not.toContain('shown as received')
  })

  it('says where JSON is invalid and stays in Raw', async () => {
    const w = await mountBody('{"a": 1,,}', true, OVER_PRETTY_FIRST)
    await format(w)
    expect(w.text()).toContain('Not valid JSON (line 1, column 9: ')
    expect(w.text()).toContain('); shown as received.')
    expect(byRole(w, 'radio', 'Raw').element).toHaveProperty('checked', true)
  })

  it('opens JSON up to 16 MB formatted, saying it formats meanwhile', async () => {
    fake().bodies.control.holdFormatting = true
    const w = await mountBody(users(50), true)
    expect(statuses(w)).toContain('Formatting… 0%')
    expect(w.text()).toContain('Large response (')
    expect(w.text()).not.toContain('shown as received')
    expect(queryByRole(w, 'region', 'Response body lines')).toBeNull()

    fake().bodies.finishFormatting()
    await flushPromises()
    expect(byRole(w, 'radio', 'Pretty').element).toHaveProperty('checked', true)
    expect(shownRows(w).slice(0, 2)).toEqual([
      { number: 1, text: '[' },
      { number: 2, text: '{' },
    ])
    expect(w.text()).not.toContain('Large response')
    // Raw was never opened: the body went straight to its pretty view.
    expect(fake().bodies.opens).toEqual(['pretty'])
  })

  it('opens invalid JSON up to 16 MB as received, saying where it is invalid', async () => {
    const w = await mountBody('{"a": 1,,}', true)
    expect(w.text()).toContain('Not valid JSON (line 1, column 9: ')
    expect(byRole(w, 'radio', 'Raw').element).toHaveProperty('checked', true)
    expect(shownRows(w)).toEqual([{ number: 1, text: '{"a": 1,,}' }])
    expect(queryByRole(w, 'button', 'Format')).toBeNull()
  })

  it('folds and unfolds an object of the pretty view', async () => {
    const w = await mountBody(users(50), true)
    await byRole(w, 'button', 'Fold lines 2–5').trigger('click')
    let rows = shownRows(w)
    expect(rows.slice(0, 3).map((r) => r.number)).toEqual([1, 2, 6])
    expect(rows[1]!.text).toBe('{ … }')

    // The whole array: one row left.
    await byRole(w, 'button', 'Fold lines 1–202').trigger('click')
    expect(shownRows(w)).toEqual([{ number: 1, text: '[ … ]' }])
    await byRole(w, 'button', 'Unfold lines 1–202').trigger('click')
    // The inner fold kept its state while hidden.
    await byRole(w, 'button', 'Unfold lines 2–5').trigger('click')
    rows = shownRows(w)
    expect(rows.slice(0, 3).map((r) => r.number)).toEqual([1, 2, 3])
  })

  it('searches on the Node side, counts, marks the matches and steps through them', async () => {
    const w = await mountBody(users(50), true)
    await scrollTo(w, 40 * ROW)
    await byRole(w, 'button', 'Fold lines 42–45').trigger('click')
    await scrollTo(w, 0)
    const box = byRole(w, 'textbox', 'Search body')
    await box.setValue('user 1')
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    // "user 1", "user 10" … "user 19".
    expect(statuses(w)).toContain('1 of 11')
    expect(fake().bodies.searches).toEqual(['user 1'])
    const current = w.get('mark.current')
    expect(current.text()).toBe('user 1')
    expect(current.element.closest('.row')!.querySelector('.number')!.textContent).toBe('8')

    await byRole(w, 'button', 'Next match').trigger('click')
    await flushPromises()
    expect(statuses(w)).toContain('2 of 11')
    // "user 10" is on line 44, inside the fold: the fold opened to show it.
    expect(queryByRole(w, 'button', 'Unfold lines 42–45')).toBeNull()
    expect(w.get('mark.current').element.closest('.row')!.textContent).toContain('"user 10"')

    await box.trigger('keydown', { key: 'Enter', shiftKey: true })
    await flushPromises()
    expect(statuses(w)).toContain('1 of 11')

    await box.setValue('nowhere')
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(statuses(w)).toContain('No matches')
    expect(w.find('mark').exists()).toBe(false)
  })

  it('matches case when asked to, searching again at once', async () => {
    const w = await mountBody(users(50), true)
    const box = byRole(w, 'textbox', 'Search body')
    await box.setValue('USER 1')
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(statuses(w)).toContain('1 of 11')
    const matchCase = byRole(w, 'button', 'Match case')
    expect(matchCase.attributes('aria-pressed')).toBe('false')
    await matchCase.trigger('click')
    await flushPromises()
    expect(matchCase.attributes('aria-pressed')).toBe('true')
    expect(statuses(w)).toContain('No matches')
    await box.setValue('user 1')
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(statuses(w)).toContain('1 of 11')
  })

  it('copies the JSONPath of the selected line', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = await mountBody(users(50), true)
    const copy = byRole(w, 'button', 'Copy JSON path')
    expect(copy.attributes('disabled')).toBeDefined()
    // Line 16: the name of the fourth user.
    await w.findAll('.row')[15]!.trigger('click')
    await copy.trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('$[3].name')
    expect(statuses(w)).toContain('Copied $[3].name')
  })

  it('moves the selected line with the keyboard and keeps it in view', async () => {
    const w = await mountBody(numbered(3000).join('\n'))
    const region = byRole(w, 'region', 'Response body lines')
    expect(region.attributes('tabindex')).toBe('0')
    const selected = () => Number(w.get('[aria-current="true"] .number').text())
    await region.trigger('keydown', { key: 'ArrowDown' })
    expect(selected()).toBe(1)
    await region.trigger('keydown', { key: 'ArrowDown' })
    await region.trigger('keydown', { key: 'PageDown' })
    expect(selected()).toBe(11)
    await region.trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(selected()).toBe(3000)
    expect(region.element.scrollTop).toBe(3000 * ROW - VIEWPORT)
    await region.trigger('keydown', { key: 'Home' })
    await flushPromises()
    expect(selected()).toBe(1)
    expect(region.element.scrollTop).toBe(0)
  })

  it('focuses its search box on Ctrl+F', async () => {
    const w = await mountBody(numbered(100).join('\n'))
    const region = byRole(w, 'region', 'Response body lines')
    ;(region.element as HTMLElement).focus()
    await region.trigger('keydown', { key: 'f', ctrlKey: true })
    expect(document.activeElement).toBe(byRole(w, 'textbox', 'Search body').element)
  })
})
