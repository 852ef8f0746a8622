import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import {
  BODY_PAGE_LINES,
  PRETTY_FIRST_BYTES,
  type BodyFilterResult,
  type BodyLines,
  type BodyOpenResult,
  type BodySearchResult,
  type BodyView,
} from '../../../shared/model/body'
import type { ByteSource } from './byteSource'
import { filterJson } from './jsonPathFilter'
import { jsonPathOfLine } from './jsonPathOfLine'
import { FirstScreenQueue } from './firstScreenQueue'
import { BodyNotKeptError, decoderFor, type KeptBody, type ViewResult } from './keptBody'
import { readLines } from './lineDocument'
import { prettyFeedTap } from './prettyFeedTap'
import { prettyOnThisThread, type PrettyFeed, type PrettyRunner } from './prettyInWorker'
import { indexRawLines } from './rawLines'
import { searchDocument } from './searchDocument'
import { SpoolWriter } from './spoolWriter'
import { cutAtCharacter, textStart } from './utf8'

export interface BodyStoreOptions {
  /** Where spooled bodies go; emptied when the store opens and removed when it closes. */
  dir: string
  /** Bytes a body may hold in memory before it moves to a file. */
  memoryLimit?: number
  /** Bodies kept at most; the oldest are dropped first. */
  maxBodies?: number
  /** Bytes of bodies kept at most (the newest body is kept whatever its size). */
  maxBytes?: number
  /** How pretty views are made: on this thread by default, or in a worker thread. */
  pretty?: PrettyRunner
}

/** The text of a filter result shown at once when it is this small. */
const FILTER_PREVIEW_BYTES = 64 * 1024

/**
 * The Node side's keeper of response bodies for one session. Bodies arrive through
 * `createWriter` (memory up to a limit, then a file), are kept under an id, and are read
 * as views — raw lines, pretty JSON — a window of lines at a time, searched, filtered
 * and saved, so the renderer never holds a whole body.
 */
export class BodyStore {
  private readonly bodies = new Map<string, KeptBody>()
  /** Pretty views being built for bodies written but not yet kept (see createWriter). */
  private readonly fed = new WeakMap<ByteSource, PrettyFeed>()
  private readonly firstScreen = new FirstScreenQueue()
  private readonly memoryLimit: number
  /** Twice the body's: a pretty view (~1.7x) of a body held in memory stays in memory. */
  private readonly prettyMemoryLimit: number
  private readonly maxBodies: number
  private readonly maxBytes: number
  private readonly pretty: PrettyRunner

  constructor(private readonly options: BodyStoreOptions) {
    this.memoryLimit = options.memoryLimit ?? 16 * 1024 * 1024
    this.prettyMemoryLimit = 2 * this.memoryLimit
    this.maxBodies = options.maxBodies ?? 40
    this.maxBytes = options.maxBytes ?? 2 * 1024 ** 3
    this.pretty = options.pretty ?? prettyOnThisThread
    // Files left by a session that crashed are of no use to anyone.
    rmSync(options.dir, { recursive: true, force: true })
    mkdirSync(options.dir, { recursive: true, mode: 0o700 })
  }

  /**
   * A place to write a body as it arrives. With `pretty` (a JSON body), where formatting
   * runs on another thread, its pretty view is built meanwhile, for when it ends up
   * bigger than `from` bytes and no bigger than `upTo` (what the viewer shows).
   */
  createWriter(pretty?: { from: number; upTo: number }): SpoolWriter {
    const { dir } = this.options
    const feed = pretty && this.pretty.feed?.({ dir, memoryLimit: this.prettyMemoryLimit })
    if (!feed) return new SpoolWriter(dir, this.memoryLimit)
    const tap = prettyFeedTap(feed, pretty, (source) => this.fed.set(source, feed))
    return new SpoolWriter(dir, this.memoryLimit, tap)
  }

  /** Keeps a finished body; returns its id. Older bodies beyond the limit are dropped. */
  keep(source: ByteSource, charset: string, parent?: string): string {
    const id = randomUUID()
    const feed = this.fed.get(source)
    this.fed.delete(source)
    this.bodies.set(id, {
      id,
      source,
      decoder: decoderFor(charset),
      views: new Map(),
      derived: new Set(),
      feed,
      viewBytes: 0,
    })
    if (parent) this.bodies.get(parent)?.derived.add(id)
    this.evict()
    return id
  }

  has(id: string): boolean {
    return this.bodies.has(id)
  }

  private get(id: string): KeptBody {
    const body = this.bodies.get(id)
    if (!body) throw new BodyNotKeptError()
    // Map order is the eviction order: what is used moves to the back.
    this.bodies.delete(id)
    this.bodies.set(id, body)
    return body
  }

  /** Drops the least recently used bodies past the limits; a body's bytes count its views'. */
  private evict(): void {
    const kept = (body: KeptBody) => body.source.size + body.viewBytes
    let bytes = 0
    for (const body of this.bodies.values()) bytes += kept(body)
    for (const [id, body] of this.bodies) {
      if (this.bodies.size <= 1) break
      if (this.bodies.size <= this.maxBodies && bytes <= this.maxBytes) break
      bytes -= kept(body)
      void this.release(id)
    }
  }

  /** Settles once the views being built for a body are done (or failed), e.g. to queue less urgent work. */
  async settled(id: string): Promise<void> {
    const views = this.bodies.get(id)?.views
    if (views) await Promise.allSettled(views.values())
  }

  /**
   * The body (or its first `maxBytes`) as a ResponseRecord carries it: text in its charset,
   * without a character cut at the end, or base64.
   */
  async contents(id: string, encoding: 'utf8' | 'base64', maxBytes = Infinity): Promise<string> {
    const body = this.get(id)
    const bytes = await body.source.read(0, Math.min(maxBytes, body.source.size))
    return encoding === 'utf8' ? body.decoder(cutAtCharacter(bytes)) : bytes.toString('base64')
  }

  size(id: string): number {
    return this.get(id).source.size
  }

  private view(
    id: string,
    view: BodyView,
    onProgress?: (done: number) => void,
  ): Promise<ViewResult> {
    const body = this.get(id)
    // Only the pretty view reports progress.
    if (view === 'pretty') body.onProgress ??= onProgress
    const existing = body.views.get(view)
    if (existing) return existing
    const built: Promise<ViewResult> =
      view === 'raw'
        ? indexRawLines(body.source, body.decoder).then((doc) => ({ ok: true as const, doc }))
        : this.prettyView(body)
    body.views.set(view, built)
    built.then(
      (result) => {
        // A pretty view's text is bytes of its own (a raw view reads the body itself).
        if (result.ok && result.doc.text !== body.source) body.viewBytes += result.doc.text.size
        this.evict()
      },
      // A failed build (a file removed under us) is retried on the next call.
      () => body.views.delete(view),
    )
    return built
  }

  /** The pretty view: the one built as the body arrived if there is one, else built now. */
  private prettyView(body: KeptBody): Promise<ViewResult> {
    const options = {
      decoder: body.decoder,
      onProgress: (done: number) => body.onProgress?.(done),
    }
    const { feed } = body
    body.feed = undefined
    if (feed) return feed.end(body.source, options)
    return this.pretty(body.source, {
      ...options,
      dir: this.options.dir,
      memoryLimit: this.prettyMemoryLimit,
    })
  }

  private async doc(id: string, view: BodyView) {
    const result = await this.view(id, view)
    if (!result.ok) throw new Error('This body is not valid JSON, so it has no pretty view.')
    return result.doc
  }

  async open(
    id: string,
    view: BodyView,
    onProgress?: (done: number) => void,
  ): Promise<BodyOpenResult> {
    const result = await this.view(id, view, onProgress)
    if (!result.ok) return result
    const { lineCount, text } = result.doc
    const first = await this.lines(id, view, 0, BODY_PAGE_LINES)
    return { ok: true, lineCount, size: text.size, first }
  }

  /** Runs `task` once the body's first screen is out (see FirstScreenQueue). */
  afterFirstScreen(id: string, task: () => void): void {
    this.firstScreen.add(id, task)
  }

  /**
   * Builds a big body's views before they are asked for: the one its first screen shows
   * at once (the pretty view of JSON up to PRETTY_FIRST_BYTES, else the raw lines) and,
   * for bigger JSON, the pretty view too, so Format is quick. A failure stays for
   * whoever opens the view.
   */
  prepare(id: string, options: { pretty: boolean; onProgress?: (done: number) => void }): void {
    if (!this.has(id)) return
    const prettyFirst = options.pretty && this.size(id) <= PRETTY_FIRST_BYTES
    if (!prettyFirst) this.view(id, 'raw').catch(() => undefined)
    if (!options.pretty) return
    const start = () => {
      if (this.has(id)) this.view(id, 'pretty', options.onProgress).catch(() => undefined)
    }
    // On this thread, formatting slices would delay a raw first screen: they wait for it.
    if (this.pretty.offThread || prettyFirst) start()
    else this.afterFirstScreen(id, start)
  }

  async lines(id: string, view: BodyView, from: number, count: number): Promise<BodyLines> {
    const doc = await this.doc(id, view)
    const lines = await readLines(doc, from, count)
    // The first screen is out: the background work may start.
    this.firstScreen.shown(id)
    const foldEnds = lines.map((_, i) => doc.foldEnds?.[from + i] ?? -1)
    return { lines, foldEnds }
  }

  async search(
    id: string,
    view: BodyView,
    query: string,
    caseSensitive: boolean,
  ): Promise<BodySearchResult> {
    return searchDocument(await this.doc(id, view), query, { caseSensitive })
  }

  async path(id: string, line: number): Promise<string> {
    return jsonPathOfLine(await this.doc(id, 'pretty'), line)
  }

  async filter(id: string, expression: string): Promise<BodyFilterResult> {
    const { source } = this.get(id)
    // In the worker where there is one: parsing 100 MB stops its thread for ~1 s.
    const output = { dir: this.options.dir, memoryLimit: this.memoryLimit }
    const { count, text } = this.pretty.filter
      ? await this.pretty.filter(source, expression, output)
      : await filterJson(source, expression, this.createWriter())
    const bodyId = this.keep(text, 'utf-8', id)
    const { start, complete } = await textStart(text, FILTER_PREVIEW_BYTES)
    return { bodyId, count, size: text.size, preview: start, complete }
  }

  /** Writes the body as received, byte for byte, to `path` (a copy of the file when spooled). */
  saveTo(id: string, path: string): Promise<void> {
    return this.get(id).source.saveTo(path)
  }

  /** The body as a stream (for a download in browser mode). */
  stream(id: string) {
    return this.get(id).source.stream()
  }

  async release(id: string): Promise<boolean> {
    const body = this.bodies.get(id)
    if (!body) return false
    this.bodies.delete(id)
    body.feed?.cancel()
    for (const child of body.derived) await this.release(child)
    const views = [...body.views.values()]
    await body.source.dispose()
    for (const built of views) {
      const result = await built.catch(() => null)
      if (result?.ok && result.doc.text !== body.source) await result.doc.text.dispose()
    }
    return true
  }

  /** Drops every body and deletes the directory. */
  async close(): Promise<void> {
    await this.pretty.close()
    for (const id of [...this.bodies.keys()]) await this.release(id)
    rmSync(this.options.dir, { recursive: true, force: true })
  }
}
