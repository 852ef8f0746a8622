/**
 * What the editors say about `{{name}}` placeholders: the hover line, the placeholder being
 * typed and the names to suggest. Kept apart from the CodeMirror extension so the URL bar and
 * tables use them without loading the code editor (it loads on first use).
 */
import { DYNAMIC_VARIABLES } from '../../../../shared/logic/dynamicVariableNames'
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
  const dynamic = DYNAMIC_VARIABLES.get(name)
  if (!found && dynamic) return `${dynamic} · Postman's dynamic variable, made at each send`
  if (!found) return `{{${name}}} is not defined in any scope: sending will fail until it is.`
  const value = found.secret ? '•••••• (secret)' : found.value === '' ? '(empty)' : found.value
  const where = found.source
    ? `${SCOPE_NAMES[found.scope]} "${found.source}"`
    : SCOPE_NAMES[found.scope]
  return `${value} · from ${where}`
}

/** True when `{{name}}` gets a value at send: a variable in scope, or one of Postman's dynamic ones. */
export function hasValue(name: string, variables: Map<string, ScopedValue>): boolean {
  return variables.has(name) || DYNAMIC_VARIABLES.has(name)
}

/** The `{{partial` being typed just before `caret`, or null. */
export function openPlaceholder(
  text: string,
  caret: number,
): { from: number; typed: string } | null {
  const match = /\{\{\s*([^{}\s]*)$/.exec(text.slice(0, caret))
  return match ? { from: caret - match[1]!.length, typed: match[1]! } : null
}

/**
 * Names in scope that start with (then contain) what was typed, best first; with a `$`
 * typed, Postman's dynamic variables too.
 */
export function suggestNames(typed: string, variables: Map<string, ScopedValue>): string[] {
  const lower = typed.toLowerCase()
  const names = [...variables.keys()]
  if (typed.startsWith('$'))
    names.push(...[...DYNAMIC_VARIABLES.keys()].filter((n) => !variables.has(n)))
  return [
    ...names.filter((n) => n.toLowerCase().startsWith(lower)),
    ...names.filter((n) => !n.toLowerCase().startsWith(lower) && n.toLowerCase().includes(lower)),
  ].slice(0, 20)
}
