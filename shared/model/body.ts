import * as z from 'zod'

/**
 * A response body kept on the Node side, seen as lines. `raw` is the body as received
 * (a line longer than RAW_ROW_BYTES is cut into rows of about that many bytes, at a
 * character boundary, so a 100 MB body on one line still scrolls); `pretty` is JSON re-indented with two spaces,
 * numbers and key order as written.
 */
export const BodyViewSchema = z.enum(['raw', 'pretty'])
export type BodyView = z.infer<typeof BodyViewSchema>

/**
 * JSON kept on the Node side up to this size opens formatted, as a small body does:
 * formatting it takes a few hundred ms at most. Bigger bodies open as received, at
 * once, with Format offered.
 */
export const PRETTY_FIRST_BYTES = 16 * 1024 * 1024

/** Longest row of the raw view, in bytes of the body. */
export const RAW_ROW_BYTES = 1000
/** Most lines one `body:lines` call returns. */
export const MAX_LINES_PER_CALL = 5000
/** Most matches one `body:search` call lists (it still counts up to MAX_SEARCH_COUNT). */
export const MAX_SEARCH_MATCHES = 10_000
export const MAX_SEARCH_COUNT = 1_000_000

export const BodyRefSchema = z.object({ bodyId: z.string().min(1).max(100) })

/** Where JSON is not valid, 1-based, for the note shown instead of the pretty view. */
export const BodySyntaxErrorSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  reason: z.string(),
})
export type BodySyntaxError = z.infer<typeof BodySyntaxErrorSchema>

/** A view ready to be read: how many lines it has, or why it could not be built. */
export const BodyLinesSchema = z.object({
  /** The text of each line, without its line break. */
  lines: z.array(z.string()),
  /**
   * For each line: the 0-based last line of the object or array it opens (a fold ends
   * there), or -1 when it opens none. Always -1 in the raw view.
   */
  foldEnds: z.array(z.number().int()),
})
export type BodyLines = z.infer<typeof BodyLinesSchema>

/** Lines read at a time: the first page comes with `body:open`, the others through `body:lines`. */
export const BODY_PAGE_LINES = 500

export const BodyOpenResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    lineCount: z.number().int().min(0),
    /** Bytes of the view's text (the pretty view is larger than the body). */
    size: z.number().int().min(0),
    /** Its first BODY_PAGE_LINES lines: the first screen needs no second call. */
    first: BodyLinesSchema,
  }),
  z.object({ ok: z.literal(false), error: BodySyntaxErrorSchema }),
])
export type BodyOpenResult = z.infer<typeof BodyOpenResultSchema>

export const BodyLinesArgsSchema = BodyRefSchema.extend({
  view: BodyViewSchema,
  /** 0-based first line. */
  from: z.number().int().min(0),
  count: z.number().int().min(1).max(MAX_LINES_PER_CALL),
})

export const BodySearchArgsSchema = BodyRefSchema.extend({
  view: BodyViewSchema,
  query: z.string().min(1).max(1000),
  caseSensitive: z.boolean().default(false),
})

export const BodySearchMatchSchema = z.object({
  /** 0-based line and character column of the match start. */
  line: z.number().int(),
  column: z.number().int(),
  /** Characters matched on that line (a match running past the row's end is cut there). */
  length: z.number().int(),
})
export type BodySearchMatch = z.infer<typeof BodySearchMatchSchema>

export const BodySearchResultSchema = z.object({
  /** The first MAX_SEARCH_MATCHES matches, in order. */
  matches: z.array(BodySearchMatchSchema),
  /** All matches counted, up to MAX_SEARCH_COUNT. */
  total: z.number().int(),
  /** True when there are more than MAX_SEARCH_COUNT. */
  capped: z.boolean(),
})
export type BodySearchResult = z.infer<typeof BodySearchResultSchema>

/** The result of a JSONPath filter, kept like a response body so the same viewer shows it. */
export const BodyFilterResultSchema = z.object({
  /** The matches as a JSON array, pretty-printed, under a new id. */
  bodyId: z.string(),
  /** How many values matched. */
  count: z.number().int(),
  size: z.number().int(),
  /** The start of the text, enough for a small result to be shown at once. */
  preview: z.string(),
  /** False when `preview` is only the start. */
  complete: z.boolean(),
})
export type BodyFilterResult = z.infer<typeof BodyFilterResultSchema>

/** How Save to file ended: saved by the app, cancelled, or a URL for the browser to download. */
export const BodySaveResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('download'), url: z.string() }),
])
export type BodySaveResult = z.infer<typeof BodySaveResultSchema>
