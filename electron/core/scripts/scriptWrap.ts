/** The name scripts are compiled under: the stack lines of a script say `script.js:line:column`. */
export const SCRIPT_FILE = 'script.js'

/**
 * A script as QuickJS compiles it: the body of an async function, so it may `await` at its
 * top level and its `const`s stay its own. Its line 1 is line 2 of the compiled text.
 */
export function wrapScript(source: string): string {
  return `(async function () {\n${source}\n})`
}

/**
 * The script one block deeper, compiled only (never run) before it is compiled ahead: a
 * script that is a body of its own compiles in both, while one written to close the
 * function early and run code beside it (`}, code(), function () {`) no longer does.
 */
export function wrapScriptNested(source: string): string {
  return `(async function () { {\n${source}\n} })`
}

/**
 * Compiled ahead at most: a compiled script stays in the state every script starts from,
 * which is written back before each one (memorySnapshot.ts), so its bytecode costs every
 * script a little; past these, the rest compile as they run, as before.
 */
const PRECOMPILE_CHARS = 128 * 1024
const PRECOMPILE_SCRIPTS = 200

/**
 * The scripts of a run to compile ahead (sandboxInstance.ts, precompile): each distinct
 * one that will run more than once, in the run's order, until the limits above. `sources`
 * lists a script once per request that runs it (a collection's level scripts run for every
 * request), and the run goes through them `iterations` times. Compiled once, not on every
 * run of it: QuickJS compiles on every eval, ~11 µs for a one-line test and ~90 µs for a
 * test script of 1 KB. A script that runs once gains nothing, and would only make the
 * state written back before every script bigger.
 */
export function precompilable(sources: readonly string[], iterations = 1): string[] {
  const runs = new Map<string, number>()
  for (const source of sources) runs.set(source, (runs.get(source) ?? 0) + iterations)
  const picked = new Set<string>()
  let chars = 0
  for (const source of sources) {
    if (picked.has(source) || source.trim() === '' || runs.get(source)! < 2) continue
    if (picked.size >= PRECOMPILE_SCRIPTS || chars + source.length > PRECOMPILE_CHARS) break
    picked.add(source)
    chars += source.length
  }
  return [...picked]
}
