import { undo } from '@codemirror/commands'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import BaseCodeEditor from '../../../renderer/src/components/base/BaseCodeEditor.vue'
import { lazyPartsLoaded } from '../lazyParts'

type EditorProps = {
  modelValue: string
  language: 'json' | 'xml' | 'html' | 'text'
  label: string
  readonly?: boolean
  highlightVariables?: boolean
}

function mountEditor(props: Partial<EditorProps> = {}) {
  return mount(BaseCodeEditor, {
    props: { modelValue: '{\n  "a": 1\n}', language: 'json', label: 'Request body', ...props },
    attachTo: document.body,
  })
}
type Editor = ReturnType<typeof mountEditor>
const viewOf = (w: Editor) => w.vm.view!

afterEach(() => {
  document.body.innerHTML = ''
})

describe('BaseCodeEditor', () => {
  it('shows the text in a textbox named by its label', async () => {
    const w = mountEditor()
    await lazyPartsLoaded() // the JSON language loads on first use
    const textbox = w.get('[role="textbox"]')
    expect(textbox.attributes('aria-label')).toBe('Request body')
    expect(textbox.attributes('aria-readonly')).toBeUndefined()
    expect(textbox.text()).toContain('"a": 1')
    expect(textbox.attributes('data-language')).toBe('json')
    // Highlighted: the key and the number each sit in a styled span.
    expect(textbox.findAll('span[class]').map((s) => s.text())).toEqual(['{', '"a"', '1', '}'])
    expect(w.findAll('.cm-lineNumbers .cm-gutterElement').map((g) => g.text())).toContain('3')
  })

  it('reports edits with update:modelValue', () => {
    const w = mountEditor()
    viewOf(w).dispatch({ changes: { from: 0, insert: '[' } })
    expect(w.emitted('update:modelValue')).toEqual([['[{\n  "a": 1\n}']])
  })

  it('keeps its state when the new modelValue is its own edit, and replaces a different one', async () => {
    const w = mountEditor({ modelValue: 'abc' })
    const view = viewOf(w)
    view.dispatch({ changes: { from: 3, insert: 'd' }, selection: { anchor: 2 } })
    const stateAfterTyping = view.state
    await w.setProps({ modelValue: 'abcd' })
    expect(view.state).toBe(stateAfterTyping)
    expect(view.state.selection.main.head).toBe(2)

    await w.setProps({ modelValue: 'something else' })
    expect(view.state.doc.toString()).toBe('something else')
    expect(w.emitted('update:modelValue')).toEqual([['abcd']])
    // A document from outside cannot be undone back into the previous one.
    expect(undo(view)).toBe(false)
    expect(view.state.doc.toString()).toBe('something else')
  })

  it('switches read-only, language and label without losing the document', async () => {
    const w = mountEditor()
    const view = viewOf(w)
    await w.setProps({ readonly: true, language: 'text', label: 'Response body text' })
    const textbox = w.get('[role="textbox"]')
    expect(textbox.attributes('aria-readonly')).toBe('true')
    expect(textbox.attributes('data-language')).toBeUndefined()
    expect(textbox.attributes('aria-label')).toBe('Response body text')
    expect(view.state.readOnly).toBe(true)
    expect(view.state.doc.toString()).toBe('{\n  "a": 1\n}')
  })

  it('marks {{variables}} when asked to', async () => {
    const w = mountEditor({ modelValue: '{"url": "{{host}}/x"}', highlightVariables: true })
    expect(w.findAll('.cm-variable').map((m) => m.text())).toEqual(['{{host}}'])
    await w.setProps({ highlightVariables: false })
    expect(w.findAll('.cm-variable')).toHaveLength(0)
  })

  it('leaves Ctrl+Enter to the app instead of inserting a line', () => {
    const w = mountEditor({ modelValue: 'x', language: 'text' })
    const event = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })
    viewOf(w).contentDOM.dispatchEvent(event)
    expect(viewOf(w).state.doc.toString()).toBe('x')
    expect(event.defaultPrevented).toBe(false)
  })

  it('destroys the CodeMirror view on unmount', () => {
    const w = mountEditor()
    const destroy = vi.spyOn(viewOf(w), 'destroy')
    w.unmount()
    expect(destroy).toHaveBeenCalledOnce()
  })
})
