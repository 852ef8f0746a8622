/**
 * What a run has produced so far, in the worker: tests, console lines, variables by scope
 * (with the type each was set with), the edits to each scope in order, the request as the
 * scripts left it, setNextRequest and skipRequest. The scripts of a run share it, one
 * after the other; the kernel reports into it through the worker (`host(op, arg)`).
 */
import type { WorkerRunInput } from './scriptMessages'
import type { ScriptRunResult, VariableChange, VariableScope } from './scriptTypes'
import { VARIABLE_SCOPES } from './scriptTypes'

/** A JSON value as a script may keep it in a variable; undefined when set to undefined. */
export type Kept = unknown

type Test = ScriptRunResult['tests'][number] & { pending?: boolean }

// What a run may leave in the worker. The sandbox's memory cap does not cover copies made
// here, so each is bounded too: a script cannot grow the worker through the API.
const MAX_CONSOLE_LINES = 2_000
const MAX_TESTS = 10_000
const MAX_NAME = 1_000
const MAX_TEXT = 10_100
/** Variables one scope may hold. */
export const MAX_VARIABLES = 10_000
/** Past this many edits, or characters in their values, the log keeps each name's last edit only. */
const COMPACT_AFTER_CHANGES = 20_000
const COMPACT_AFTER_CHARS = 16 * 1024 * 1024

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}... (${text.length - max} more characters)` : text

/** How a kept value is written out: a string as it is, undefined as '', the rest as JSON. */
export function keptText(value: Kept): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  return JSON.stringify(value)
}

export class RunState {
  readonly tests: Test[] = []
  readonly console: ScriptRunResult['console'] = []
  readonly scopes: Record<VariableScope, Map<string, Kept>>
  changes: Record<VariableScope, VariableChange[]>
  request: WorkerRunInput['request']
  nextRequest: string | null | undefined
  skipRequest = false
  error: ScriptRunResult['error']
  /** Where the current script's tests start in `tests`. */
  private testBase = 0
  private changeCount = 0
  private changeChars = 0

  constructor(input: WorkerRunInput) {
    this.request = input.request
    const { typed } = input.variables
    const scope = (s: VariableScope) => {
      const values = new Map<string, Kept>(Object.entries(input.variables[s]!))
      // A typed value counts while its text is still that value's (see TypedValues).
      for (const [name, value] of Object.entries(typed?.[s] ?? {})) {
        if (values.get(name) === keptText(value)) values.set(name, value)
      }
      return values
    }
    this.scopes = Object.fromEntries(
      VARIABLE_SCOPES.map((s) => [s, scope(s)]),
    ) as unknown as RunState['scopes']
    this.changes = Object.fromEntries(
      VARIABLE_SCOPES.map((s) => [s, []]),
    ) as unknown as RunState['changes']
  }

  /** Starts the next script: its tests are numbered from here. */
  beginScript(): void {
    this.testBase = this.tests.length
  }

  /** The variables as the kernel reads them: [name, value] or [name] for undefined. */
  variablesJson(): string {
    const pairs = (m: Map<string, Kept>) => [...m].map(([k, v]) => (v === undefined ? [k] : [k, v]))
    return JSON.stringify(
      Object.fromEntries(VARIABLE_SCOPES.map((s) => [s, pairs(this.scopes[s])])),
    )
  }

  /**
   * `[index, name]` when a test starts; `[index, passed, error?, skipped?]` when it ends;
   * `[index, name, passed, error?, skipped?]` for both at once (a test that settled as it ran).
   */
  test(event: unknown[]): void {
    const index = this.testBase + Number(event[0])
    if (!Number.isInteger(index) || index < 0 || index >= MAX_TESTS) return
    if (typeof event[1] === 'string') {
      this.tests[index] = { name: clip(event[1], MAX_NAME), passed: false, pending: true }
      if (event.length > 2) this.settleTest(this.tests[index], event.slice(2))
      return
    }
    this.settleTest(this.tests[index], event.slice(1))
  }

  /** `[passed, error?, skipped?]` for a test that started. */
  private settleTest(test: Test | undefined, [passed, error, skipped]: unknown[]): void {
    if (!test?.pending) return
    test.pending = undefined
    test.passed = passed === true
    if (typeof error === 'string') test.error = clip(error, MAX_TEXT)
    if (skipped === true) test.skipped = true
  }

  /** Tests of the script that never settled (a promise that never resolved, done() never called). */
  settleUnfinished(): void {
    for (const test of this.tests.slice(this.testBase)) {
      if (!test?.pending) continue
      test.pending = undefined
      test.error = 'The test did not finish: its promise never settled, or it never called done().'
    }
  }

  /** Postman's legacy `tests["name"] = true` of the script, after its pm.test results. */
  legacyTests(entries: [string, boolean][]): void {
    for (const [full, passed] of entries.slice(0, MAX_TESTS - this.tests.length)) {
      const name = clip(String(full), MAX_NAME)
      this.tests.push(
        passed ? { name, passed } : { name, passed, error: `tests["${name}"] is false` },
      )
    }
  }

  log(level: unknown, text: unknown): void {
    if (this.console.length >= MAX_CONSOLE_LINES) return
    const levels = ['log', 'info', 'warn', 'error'] as const
    const known = levels.find((l) => l === level) ?? 'log'
    this.console.push({ level: known, text: clip(String(text), MAX_TEXT) })
  }

  /**
   * `[scope, key]` unsets; `[scope, key, 0]` sets undefined; `[scope, key, 1, value]` sets.
   * Returns why a set is refused (a scope full), or null.
   */
  variable(event: unknown[]): string | null {
    const [scope, key, has, value] = event
    if (!VARIABLE_SCOPES.includes(scope as VariableScope) || typeof key !== 'string') return null
    const store = this.scopes[scope as VariableScope]
    const changes = this.changes[scope as VariableScope]
    if (event.length === 2) {
      store.delete(key)
      changes.push({ op: 'unset', key })
    } else {
      if (!store.has(key) && store.size >= MAX_VARIABLES) {
        return `A variable scope holds at most ${MAX_VARIABLES.toLocaleString('en')} variables; "${clip(key, 100)}" was not set.`
      }
      const kept = has === 1 ? value : undefined
      const text = keptText(kept)
      store.set(key, kept)
      changes.push({ op: 'set', key, value: text })
      this.changeChars += text.length
    }
    if (++this.changeCount > COMPACT_AFTER_CHANGES || this.changeChars > COMPACT_AFTER_CHARS) {
      this.compactChanges()
    }
    return null
  }

  /** Keeps each name's last edit only, in the order of those edits: the same end state. */
  private compactChanges(): void {
    this.changeCount = 0
    this.changeChars = 0
    for (const scope of VARIABLE_SCOPES) {
      const last = new Map<string, VariableChange>()
      for (const change of this.changes[scope]) {
        last.delete(change.key)
        last.set(change.key, change)
      }
      this.changes[scope] = [...last.values()]
      this.changeCount += last.size
      for (const c of last.values()) if (c.op === 'set') this.changeChars += c.value.length
    }
  }

  /**
   * The run's result; variable values written out as strings (keptText), and those that
   * are not text also as they are (`typed`), for the run's next scripts.
   */
  result(): ScriptRunResult {
    const text = (m: Map<string, Kept>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, keptText(v)]))
    const variables: Record<string, unknown> = Object.fromEntries(
      VARIABLE_SCOPES.map((s) => [s, text(this.scopes[s])]),
    )
    const typed: Record<string, Record<string, unknown>> = {}
    for (const s of VARIABLE_SCOPES) {
      for (const [name, value] of this.scopes[s]) {
        if (typeof value !== 'string' && value !== undefined)
          (typed[s] ??= Object.create(null))[name] = value
      }
    }
    if (Object.keys(typed).length > 0) variables.typed = typed
    return {
      tests: this.tests.filter(Boolean).map(({ pending: _, ...t }) => t),
      console: this.console,
      request: this.request,
      variables: variables as unknown as ScriptRunResult['variables'],
      changes: this.changes,
      ...(this.nextRequest !== undefined && { nextRequest: this.nextRequest }),
      skipRequest: this.skipRequest,
      ...(this.error && { error: this.error }),
    }
  }
}

/** The result of a run that ended before or outside its scripts: nothing changed, the error said. */
export function failedRun(
  input: Pick<WorkerRunInput, 'request' | 'variables' | 'scripts'>,
  message: string,
  limit?: 'time',
): ScriptRunResult {
  return {
    tests: [],
    console: [],
    request: input.request,
    variables: input.variables as unknown as ScriptRunResult['variables'],
    changes: Object.fromEntries(
      VARIABLE_SCOPES.map((s) => [s, []]),
    ) as unknown as ScriptRunResult['changes'],
    skipRequest: false,
    error: { script: input.scripts[0]?.name ?? 'sandbox', message, ...(limit && { limit }) },
  }
}
