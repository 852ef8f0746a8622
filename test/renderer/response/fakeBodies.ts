import type { CourierApi, EventPayload } from '../../../shared/ipc'
import {
  BODY_PAGE_LINES,
  MAX_SEARCH_COUNT,
  MAX_SEARCH_MATCHES,
  RAW_ROW_BYTES,
  type BodySaveResult,
  type BodySearchMatch,
  type BodyView,
} from '../../../shared/model/body'
import { findJsonProblem, formatJson } from '../../../shared/logic/json'

interface ViewLines {
  lines: string[]
  foldEnds: number[]
}

/** For each line that ends by opening `{` or `[`, the line that closes it (pretty JSON only). */
function foldEndsOf(lines: string[]): number[] {
  const ends = lines.map(() => -1)
  const open: number[] = []
  lines.forEach((line, i) => {
    const t = line.trim()
    if (t.startsWith('}') || t.startsWith(']')) ends[open.pop() ?? i] = i
    if (t.endsWith('{') || t.endsWith('[')) open.push(i)
  })
  return ends
}

/** The JSONPath of a line of pretty JSON, by walking the lines before it. */
function pathOf(lines: string[], target: number): string {
  const frames: { path: string; array: boolean; count: number }[] = []
  for (let i = 0; i <= target && i < lines.length; i++) {
    const t = lines[i]!.trim()
    if (t.startsWith('}') || t.startsWith(']')) {
      const closed = frames.pop()
      if (i === target) return closed?.path ?? '$'
      continue
    }
    const frame = frames[frames.length - 1]
    let path = '$'
    if (frame) {
      const key = /^"((?:[^"\\]|\\.)*)"\s*:/.exec(t)?.[1]
      path = frame.array ? `${frame.path}[${frame.count++}]` : `${frame.path}.${key ?? '?'}`
    }
    if (i === target) return path
    if (t.endsWith('{') || t.endsWith('[')) frames.push({ path, array: t.endsWith('['), count: 0 })
  }
  return '$'
}

/** A small JSONPath: `$`, `.name`, `['name']`, `[3]`, `[*]` and `.*`; enough for the tests. */
function evaluate(root: unknown, expression: string): unknown[] {
  if (!expression.startsWith('$')) throw new Error('A JSONPath starts with $.')
  let nodes = [root]
  let rest = expression.slice(1)
  const children = (v: unknown) => (v && typeof v === 'object' ? Object.values(v) : [])
  while (rest) {
    const step = /^(?:\.(\*|[A-Za-z_$][\w$]*)|\[(\*|\d+|'[^']*')\])/.exec(rest)
    if (!step) throw new Error(`Invalid JSONPath near "${rest}".`)
    const name = step[1] ?? step[2]!
    nodes = nodes.flatMap((n) => {
      if (name === '*') return children(n)
      const key = name.startsWith("'") ? name.slice(1, -1) : name
      const value = n && typeof n === 'object' ? (n as Record<string, unknown>)[key] : undefined
      return value === undefined ? [] : [value]
    })
    rest = rest.slice(step[0].length)
  }
  return nodes
}

/**
 * The `body:*` calls over texts kept in memory: lines by splitting, pretty with
 * formatJson, search by indexOf per line. Tests keep bodies with `keep` and can hold the
 * pretty formatting open to see its progress.
 */
export function createFakeBodies(emit: (p: EventPayload<'body:progress'>) => void) {
  const texts = new Map<string, string>()
  const released: string[] = []
  const saves: { bodyId: string; fileName?: string }[] = []
  const linesCalls: { bodyId: string; view: BodyView; from: number; count: number }[] = []
  /** The views opened, in order. */
  const opens: BodyView[] = []
  const searches: string[] = []
  let nextId = 1
  let held: (() => void) | null = null
  const control = {
    saveResult: { outcome: 'saved', path: '/tmp/response.json' } as BodySaveResult,
    /** Filter results longer than this come back incomplete (shown by the large viewer). */
    previewChars: 64 * 1024,
    holdFormatting: false,
  }

  function text(bodyId: string): string {
    const found = texts.get(bodyId)
    if (found === undefined) throw new Error(`The body ${bodyId} is no longer kept.`)
    return found
  }

  const viewCache = new Map<string, ViewLines | null>()
  function viewOf(bodyId: string, view: BodyView): ViewLines | null {
    const key = `${bodyId}\n${view}`
    if (!viewCache.has(key)) viewCache.set(key, buildView(text(bodyId), view))
    return viewCache.get(key)!
  }

  function buildView(body: string, view: BodyView): ViewLines | null {
    if (view === 'raw') {
      // Long lines are cut into rows, as the Node side does (by characters here, not bytes).
      const lines = body
        .split('\n')
        .flatMap((line) => line.match(new RegExp(`[^]{1,${RAW_ROW_BYTES}}`, 'g')) ?? [''])
      return { lines, foldEnds: lines.map(() => -1) }
    }
    const pretty = formatJson(body)
    if (pretty === null) return null
    const lines = pretty.split('\n')
    return { lines, foldEnds: foldEndsOf(lines) }
  }

  function keep(body: string, bodyId = `body-${nextId++}`): string {
    texts.set(bodyId, body)
    return bodyId
  }

  const api: CourierApi['body'] = {
    open: async ({ bodyId, view }) => {
      const body = text(bodyId)
      if (view === 'pretty' && control.holdFormatting) {
        emit({ bodyId, view, done: 0 })
        await new Promise<void>((resolve) => (held = resolve))
      }
      opens.push(view)
      const lines = viewOf(bodyId, view)
      if (!lines) return { ok: false, error: findJsonProblem(body)! }
      const first = {
        lines: lines.lines.slice(0, BODY_PAGE_LINES),
        foldEnds: lines.foldEnds.slice(0, BODY_PAGE_LINES),
      }
      return { ok: true, lineCount: lines.lines.length, size: lines.lines.join('\n').length, first }
    },
    lines: async (args) => {
      linesCalls.push(args)
      const { lines, foldEnds } = viewOf(args.bodyId, args.view)!
      const end = args.from + args.count
      return { lines: lines.slice(args.from, end), foldEnds: foldEnds.slice(args.from, end) }
    },
    search: async ({ bodyId, view, query, caseSensitive }) => {
      searches.push(query)
      const { lines } = viewOf(bodyId, view)!
      const needle = caseSensitive ? query : query.toLowerCase()
      const matches: BodySearchMatch[] = []
      let total = 0
      lines.forEach((line, i) => {
        const hay = caseSensitive ? line : line.toLowerCase()
        for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
          total++
          if (matches.length < MAX_SEARCH_MATCHES) {
            matches.push({ line: i, column: at, length: needle.length })
          }
        }
      })
      return {
        matches,
        total: Math.min(total, MAX_SEARCH_COUNT),
        capped: total > MAX_SEARCH_COUNT,
      }
    },
    path: async ({ bodyId, line }) => pathOf(viewOf(bodyId, 'pretty')!.lines, line),
    filter: async ({ bodyId, expression }) => {
      const found = evaluate(JSON.parse(text(bodyId)), expression)
      const pretty = JSON.stringify(found, null, 2)
      return {
        bodyId: keep(pretty),
        count: found.length,
        size: pretty.length,
        preview: pretty.slice(0, control.previewChars),
        complete: pretty.length <= control.previewChars,
      }
    },
    save: async (args) => {
      text(args.bodyId)
      saves.push(args)
      return control.saveResult
    },
    release: async ({ bodyId }) => {
      released.push(bodyId)
      viewCache.delete(`${bodyId}\nraw`)
      viewCache.delete(`${bodyId}\npretty`)
      return texts.delete(bodyId)
    },
  }

  return {
    api,
    keep,
    control,
    released,
    saves,
    linesCalls,
    opens,
    searches,
    /** Ends a pretty formatting held by `control.holdFormatting`. */
    finishFormatting() {
      held?.()
      held = null
    },
  }
}
