import { autocompletion, type CompletionContext } from '@codemirror/autocomplete'
import type { Extension } from '@codemirror/state'
import { hoverTooltip } from '@codemirror/view'
import type { ScopedValue } from '../../../../shared/model/variables'
import { describeVariable, openPlaceholder, suggestNames } from './variableHints'

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
