/**
 * Extension builders for BaseCodeEditor: the `{{variable}}` marker, and a theme
 * and highlight style whose colours are theme.css variables, so light and dark both read well.
 */
import { HighlightStyle, defaultHighlightStyle } from '@codemirror/language'
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view'

const variableMatcher = new MatchDecorator({
  regexp: /\{\{\s*[^{}\s]+\s*\}\}/g,
  decoration: Decoration.mark({ class: 'cm-variable' }),
})

/** Marks `{{name}}` placeholders with the class `cm-variable`, in the visible ranges only. */
export const variableHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = variableMatcher.createDeco(view)
    }
    update(update: ViewUpdate) {
      this.decorations = variableMatcher.updateDeco(update, this.decorations)
    }
  },
  { decorations: (plugin) => plugin.decorations },
)

/*
 * CodeMirror's default style decides which syntax gets which emphasis; we keep those rules
 * and swap its fixed light-theme colours for theme variables. (The tag objects live in
 * @lezer/highlight, which is not one of our declared dependencies, so we reuse the
 * default style's own tags rather than importing them.)
 */
const RECOLOUR: Record<string, string> = {
  '#404740': 'var(--text-muted)', // meta
  '#708': 'var(--method-patch)', // keywords
  '#219': 'var(--accent)', // atoms, booleans, null, URLs
  '#164': 'var(--status-2xx)', // numbers and other literals
  '#a11': 'var(--status-4xx)', // strings
  '#e40': 'var(--status-5xx)', // escapes, regexps
  '#00f': 'var(--variable-text)',
  '#30a': 'var(--variable-text)',
  '#085': 'var(--status-3xx)', // type and tag names
  '#167': 'var(--status-3xx)',
  '#256': 'var(--status-3xx)',
  '#00c': 'var(--variable-text)', // property definitions
  '#940': 'var(--text-faint)', // comments
  '#f00': 'var(--danger)', // invalid
}

const recoloured = defaultHighlightStyle.specs.map((spec) =>
  typeof spec.color === 'string' && RECOLOUR[spec.color]
    ? { ...spec, color: RECOLOUR[spec.color] }
    : spec,
)
// JSON keys and attribute names are plain `propertyName`; the default style leaves them
// uncoloured. Its `definition(propertyName)` tag lists that parent in its `set`.
const propertyDefinition = defaultHighlightStyle.specs.find((s) => s.color === '#00c')?.tag
const propertyName =
  propertyDefinition && 'set' in propertyDefinition
    ? propertyDefinition.set.find((tag) => String(tag) === 'propertyName')
    : undefined

/** Syntax colours taken from theme variables. */
export const themeHighlightStyle = HighlightStyle.define([
  ...recoloured,
  ...(propertyName ? [{ tag: propertyName, color: 'var(--variable-text)' }] : []),
])

const tint = (variable: string, percent: number) =>
  `color-mix(in srgb, var(${variable}) ${percent}%, transparent)`

/** Editor chrome in theme variables; fills its container and scrolls inside. */
export const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    fontSize: '12.5px',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { overflow: 'auto', fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--bg-subtle)',
    color: 'var(--text-faint)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)', color: 'var(--text-muted)' },
  '.cm-foldGutter .cm-gutterElement': { cursor: 'pointer', padding: '0 4px' },
  '.cm-foldPlaceholder': {
    backgroundColor: 'var(--bg-hover)',
    border: '1px solid var(--border)',
    color: 'var(--text-muted)',
  },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: tint('--accent', 28) },
  '.cm-selectionMatch': { backgroundColor: tint('--accent', 15) },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: tint('--status-2xx', 30) },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: tint('--danger', 30) },
  '.cm-searchMatch': { backgroundColor: tint('--status-4xx', 30) },
  '.cm-searchMatch-selected': { backgroundColor: tint('--status-4xx', 60) },
  '.cm-panels': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-panel input, .cm-panel button, .cm-panel label': { fontSize: '12px' },
  '.cm-textfield': {
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
  },
  '.cm-button': {
    backgroundColor: 'var(--bg-raised)',
    backgroundImage: 'none',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
  },
  '.cm-panel.cm-search [name=close]': { color: 'var(--text-muted)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--bg-raised)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
  },
  '.cm-variable': {
    backgroundColor: 'var(--variable-bg)',
    color: 'var(--variable-text)',
    borderRadius: '3px',
  },
  // Inside a JSON string the string's colour span may sit within the marker.
  '.cm-variable *': { color: 'var(--variable-text)' },
})
