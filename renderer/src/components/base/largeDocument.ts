/**
 * Helpers for BaseCodeEditor's large documents (tens of MB), where every whole-text
 * operation on the UI thread is a visible freeze. Measured in Chromium on a 50 MB JSON
 * text: EditorState.create ~480 ms (splitting it into lines), doc.toString() ~400 ms.
 */
import type { ChangeSet } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { nextTask } from '../../composables/nextTask'

/**
 * How much text one loading step hands to CodeMirror: ~10-20 ms of splitting and tree
 * building (2 MB steps measured up to ~100 ms with a garbage collection), so the UI keeps
 * painting and answering input while a big body comes in.
 */
export const LOAD_CHUNK_CHARS = 1_000_000

/**
 * The end of the piece of `text` from `from` that is about `size` long: after a line
 * break, so no line is handed over in parts ("\r\n" is never split, and a long line is not
 * rebuilt step after step: appending to a 50 MB minified line piece by piece copied it
 * each time, 12 s in all, while the whole line at once is one short step).
 */
export function chunkEnd(text: string, from: number, size = LOAD_CHUNK_CHARS): number {
  if (text.length - from <= size) return text.length
  const newline = text.indexOf('\n', from + size - 1)
  return newline === -1 ? text.length : newline + 1
}

/**
 * `base` with `changes` applied, where `base` is the text of the document the changes
 * start from. Built from slices of `base` (which V8 shares rather than copies), so a
 * keystroke in a 50 MB document does not cost a 50 MB copy; only valid when `base`
 * holds no "\r", since CodeMirror counts "\r\n" as one character.
 */
export function applyChanges(base: string, changes: ChangeSet): string {
  let text = ''
  let at = 0
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    text += base.slice(at, fromA) + inserted.toString()
    at = toA
  })
  return text + base.slice(at)
}

/**
 * Runs `step` in later tasks, one task each, until it returns false; the returned
 * function stops it.
 */
export function inSteps(step: () => boolean): () => void {
  let stopped = false
  void (async () => {
    do await nextTask()
    while (!stopped && step())
  })()
  return () => void (stopped = true)
}

/**
 * DOM handlers of a large document. Leaving the editor, or a shortcut that may act on the
 * text (send, save), reports pending edits first (`flush`). A typed character goes in as a
 * transaction rather than through the DOM: reading it back, CodeMirror diffs the whole
 * line, ~120 ms a key in 50 MB of minified JSON. Composition (IME, dead keys) never has a
 * one-character key, so it keeps its usual path.
 */
export function largeDocumentHandlers(isLarge: () => boolean, flush: () => void) {
  return EditorView.domEventHandlers({
    blur: () => flush(),
    keydown: (event, view) => {
      if (event.ctrlKey || event.metaKey) {
        flush()
        return false
      }
      if (!isLarge() || event.key.length !== 1 || event.altKey || event.isComposing) return false
      if (view.state.readOnly) return false
      view.dispatch(view.state.replaceSelection(event.key), {
        userEvent: 'input.type',
        scrollIntoView: true,
      })
      return true
    },
  })
}
