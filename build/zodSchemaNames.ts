import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The names the renderer's bundler may treat as pure functions: `z` and every top-level
 * schema of `shared/` (a `const` built from `z` or from another schema).
 *
 * Why: the renderer imports plain values from `shared/model` (emptyRequest, COMMON_METHODS,
 * ...) whose modules also build zod schemas at load. A call such as
 * `ChecksSchema.nullable()` looks like it could do anything, so without this the bundle
 * keeps every schema and zod (~100 kB) in the first load, and the page spends its start
 * building schemas it never uses. Zod's builders only make new objects, so a schema
 * nobody uses can go. A schema the renderer does use (a `.parse` in a function) stays.
 */
export function zodSchemaNames(sharedDir: string): string[] {
  const declarations = new Map<string, string>()
  for (const file of readdirSync(sharedDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue
    const text = readFileSync(join(sharedDir, file), 'utf8')
    if (!/from 'zod'/.test(text)) continue
    for (const m of text.matchAll(/^(?:export )?const (\w+)(?:: [^=]+)? =\s*([A-Za-z_]\w*)/gm))
      declarations.set(m[1]!, m[2]!)
  }
  // A schema may be built from another (`RunRef.extend(...)`): grow the set until it holds.
  const names = new Set(['z'])
  for (let grew = true; grew;) {
    grew = false
    for (const [name, root] of declarations) {
      if (names.has(root) && !names.has(name)) {
        names.add(name)
        grew = true
      }
    }
  }
  return [...names].sort()
}
