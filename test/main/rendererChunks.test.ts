import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The built renderer starts with what the workbench needs to take input; the code editor,
// its languages, the large-body viewer and history arrive on first use (issue 19). Read
// from the build output, as the page loads it.
const RENDERER = resolve('out/renderer')
const ASSETS = join(RENDERER, 'assets')

function builtText(file: string): string {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error(`${RENDERER} is missing: run \`npm run build\` first.`)
  return readFileSync(join(RENDERER, file), 'utf8')
}

/** Strings only CodeMirror's view, a language parser, and history's panel carry. */
const EDITOR = '.cm-scroller'
const JSON_LANGUAGE = 'JsonText'
const HISTORY = 'Search history'
/** A name only zod's own code carries: its schemas are never built at start. */
const ZOD = 'ZodError'
/** A property only Vue's runtime (runtime-core) carries. */
const VUE = '__v_isVNode'
/** A name only jsonc-parser (and json.ts's messages for it) carries. */
const JSONC = 'CloseBraceExpected'

/** The entry script and the chunks it imports statically: what runs before the connection opens. */
function entryChunks(): string[] {
  const html = builtText('index.html')
  const queue = [...html.matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  const seen = new Set<string>()
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const m of builtText(file).matchAll(/from\s*"\.\/([^"]+\.js)"/g))
      queue.push(`assets/${m[1]}`)
  }
  return [...seen]
}

/**
 * What the page loads before the workbench can start: the entry script, the app chunk it
 * imports at once (main.ts), and every chunk those import statically.
 */
function initialChunks(): string[] {
  const html = builtText('index.html')
  const entry = [...html.matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  // The app's chunk: the one that mounts it (startApp.ts's mark).
  const app = readdirSync(ASSETS).filter(
    (f) => f.endsWith('.js') && builtText(`assets/${f}`).includes('courier:mounted'),
  )
  const queue = [...entry, ...app.map((f) => `assets/${f}`)]
  const seen = new Set<string>()
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const m of builtText(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g))
      queue.push(`assets/${m[1]}`)
  }
  return [...seen]
}

describe('what the built renderer loads first', () => {
  const first = initialChunks()
  const initial = first.map(builtText).join('\n')
  const lazy = readdirSync(ASSETS)
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !first.includes(f))
    .map(builtText)

  it('starts from an entry script and the app chunk', () => {
    expect(first.some((f) => f.includes('/index-'))).toBe(true)
    expect(first.some((f) => builtText(f).includes('courier:mounted'))).toBe(true)
  })

  it('is a few chunks, not one per shared module (a browser fetches six at a time)', () => {
    expect(first.length).toBeLessThanOrEqual(5)
  })

  it('leaves out the code editor, its languages and the history panel', () => {
    expect(initial).not.toContain(EDITOR)
    expect(initial).not.toContain(JSON_LANGUAGE)
    expect(initial).not.toContain(HISTORY)
  })

  it('leaves out jsonc-parser: a request body is checked with it only once it is invalid', () => {
    expect(initial).not.toContain(JSONC)
    expect(lazy.some((chunk) => chunk.includes(JSONC))).toBe(true)
  })

  it('leaves out zod: the shared defaults it needs are plain values', () => {
    expect(initial).not.toContain(ZOD)
  })

  it('opens the connection without Vue: the entry and its imports leave Vue to the app chunk', () => {
    const entry = entryChunks()
    expect(entry.some((f) => f.includes('/index-'))).toBe(true)
    expect(entry.map(builtText).join('\n')).not.toContain(VUE)
  })

  it('has one copy of Vue, in the chunks loaded first', () => {
    const all = readdirSync(ASSETS).filter((f) => f.endsWith('.js'))
    const withVue = all.filter((f) => builtText(`assets/${f}`).includes(VUE))
    expect(withVue).toHaveLength(1)
    expect(first).toContain(`assets/${withVue[0]}`)
  })

  it('names every chunk of the app in index.html, so they load beside the entry script', () => {
    const html = builtText('index.html')
    const entry = [...html.matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\.\/([^"]+)"/g)].map(
      (m) => m[1]!,
    )
    expect(preloaded.length).toBeGreaterThan(0)
    expect([...entry, ...preloaded].sort()).toEqual([...first].sort())
  })

  it('has each of them in a chunk of its own, loaded on first use', () => {
    for (const marker of [EDITOR, JSON_LANGUAGE, HISTORY])
      expect(lazy.some((chunk) => chunk.includes(marker))).toBe(true)
  })
})
