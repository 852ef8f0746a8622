import { autocompletion, type CompletionContext } from '@codemirror/autocomplete'
import type { Extension } from '@codemirror/state'
import { hoverTooltip } from '@codemirror/view'
import type { ScopedValue } from '../../../../shared/model/variables'

const SCOPE_NAMES = {
  global: 'globals',
  workspace: 'the workspace',
  folder: 'folder',
  environment: 'environment',
  request: 'this request',
} as const

/** "value · from environment staging", the line shown for a `{{name}}`; secrets stay masked. */
export function describeVariable(name: string, variables: Map<string, ScopedValue>): string {
  const found = variables.get(name)
  if (!found) return `{{${name}}} is not defined in any scope: sending will fail until it is.`
  const value = found.secret ? '•••••• (secret)' : found.value === '' ? '(empty)' : found.value
  const where = found.source
    ? `${SCOPE_NAMES[found.scope]} "${found.source}"`
    : SCOPE_NAMES[found.scope]
  return `${value} · from ${where}`
}

/** The `{{partial` being typed just before `caret`, or null. */
export function openPlaceholder(
  text: string,
  caret: number,
): { from: number; typed: string } | null {
  const match = /\{\{\s*([^{}\s]*)$/.exec(text.slice(0, caret))
  return match ? { from: caret - match[1]!.length, typed: match[1]! } : null
}

/** Names in scope that start with (then contain) what was typed, best first. */
export function suggestNames(typed: string, variables: Map<string, ScopedValue>): string[] {
  const lower = typed.toLowerCase()
  const names = [...variables.keys()]
  return [
    ...names.filter((n) => n.toLowerCase().startsWith(lower)),
    ...names.filter((n) => !n.toLowerCase().startsWith(lower) && n.toLowerCase().includes(lower)),
  ].slice(0, 20)
}

/** CodeMirror: completion of `{{name}}` and a hover line on each placeholder. */
export function variableAssist(variables: () => Map<string, ScopedValue>): Extension {
  const complete = (context: CompletionContext) => {
    const line = context.state.doc.lineAt(context.pos)
    const open = openPlaceholder(line.text, context.pos - line.from)
    if (!open) return null
    const map = variables()
    return {
      from: line.from + open.from,
      options: suggestNames(open.typed, map).map((name) => ({
        label: name,
        detail: describeVariable(name, map),
        apply: `${name}}}`,
      })),
    }
  }
  const hover = hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos)
    for (const match of line.text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
      const from = line.from + match.index
      const to = from + match[0].length
      if (pos < from || pos > to) continue
      return {
        pos: from,
        end: to,
        above: true,
        create: () => {
          const dom = document.createElement('div')
          dom.className = 'cm-variable-info'
          dom.textContent = `{{${match[1]}}} = ${describeVariable(match[1]!, variables())}`
          return { dom }
        },
      }
    }
    return null
  })
  return [autocompletion({ override: [complete], activateOnTyping: true }), hover]
}
