/**
 * A worker thread that pretty-prints JSON bodies (prettyJson.ts) on a core of its own: no
 * slicing, so it runs at full speed, and the Node thread that answers the renderer never
 * waits for it. Kept alive by prettyInWorker.ts, which sends it jobs: a whole source, or
 * a body fed as it arrives (prettyFeed.ts). It posts progress, then the result, each
 * tagged with the job's id.
 */
import { tmpdir } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { chunksOf, FileSource, type ByteSource, type MemorySource } from './byteSource'
import { filterJson } from './jsonPathFilter'
import {
  refOf,
  sourceOf,
  type PrettyJob,
  type PrettyMessage,
  type SourceRef,
} from './prettyJobMessages'
import { PrettyJsonStream, type PrettyEnd } from './prettyJson'
import { SpoolWriter } from './spoolWriter'

const post = (message: PrettyMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer)

/** Alone on its thread: big reads, no need to leave room for other work. */
const READ_BYTES = 8 * 1024 * 1024

/** Reads a source from `from` into a job, telling how far it got now and then. */
async function writeFrom(
  id: number,
  stream: PrettyJsonStream,
  source: FileSource | MemorySource,
  from: number,
) {
  try {
    for await (const chunk of chunksOf(source, READ_BYTES, from)) {
      await stream.write(chunk)
      if (stream.failed) break
      post({ id, type: 'progress', taken: stream.taken })
    }
  } finally {
    if (source instanceof FileSource) await source.close()
  }
}

/**
 * A result text handed to the main thread: a file by its path (closed here), or bytes in
 * memory, moved rather than copied when their buffer holds nothing else.
 */
async function handOver(text: ByteSource): Promise<{ ref: SourceRef; transfer: ArrayBuffer[] }> {
  if (text instanceof FileSource) await text.close()
  const ref = refOf(text)
  const whole = ref.kind === 'memory' && ref.bytes.byteLength === ref.bytes.buffer.byteLength
  return { ref, transfer: whole ? [ref.bytes.buffer as ArrayBuffer] : [] }
}

async function answer(id: number, end: PrettyEnd): Promise<void> {
  if (!end.ok) return post({ id, type: 'invalid', failure: end.failure })
  const { text, lineStarts, foldEnds, parents } = end.doc
  const { ref, transfer } = await handOver(text)
  transfer.push(...([lineStarts.buffer, foldEnds!.buffer, parents!.buffer] as ArrayBuffer[]))
  post(
    { id, type: 'done', text: ref, lineStarts, foldEnds: foldEnds!, parents: parents! },
    transfer,
  )
}

/** A JSONPath filter, here so that parsing a 100 MB body does not stop the main thread. */
async function filter(job: Extract<PrettyJob, { type: 'filter' }>): Promise<void> {
  const { id } = job
  const source = sourceOf(job.source)
  try {
    await warm
    const out = new SpoolWriter(job.dir, job.memoryLimit)
    const { count, text } = await filterJson(source, job.expression, out)
    const { ref, transfer } = await handOver(text)
    post({ id, type: 'filtered', count, text: ref }, transfer)
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    if (source instanceof FileSource) await source.close()
  }
}

/**
 * Formats a small made-up body once, so the first real one runs optimised code: cold, a
 * 10 MB body took twice as long as the next one. About 2 MB of the kinds of tokens a body
 * has (keys, escaped strings, numbers, literals, nested and empty blocks), kept in memory.
 */
async function warmUp(): Promise<void> {
  const item = {
    id: 1,
    name: 'a "quoted" name\n',
    yes: true,
    no: false,
    none: null,
    amount: -1.5e3,
    list: [1, 2.5, [], {}],
    nested: { a: [{ b: 'c' }] },
  }
  const items = Array.from({ length: 15_000 }, (_, i) => ({ ...item, id: i }))
  const bytes = Buffer.from(JSON.stringify(items))
  // Three times, in pieces as a body arrives (tokens cut between them): once was not
  // enough for the first 10 MB body to run at the speed of the next ones.
  for (let round = 0; round < 3; round++) {
    const stream = new PrettyJsonStream(new SpoolWriter(tmpdir(), Infinity))
    for (let at = 0; at < bytes.length; at += 100_003)
      await stream.write(bytes.subarray(at, at + 100_003))
    await stream.end()
  }
}

/** Per job, its stream and the work queued on it: messages are handled one after another. */
const jobs = new Map<number, { stream: PrettyJsonStream; queue: Promise<void> }>()

function queue(id: number, work: (stream: PrettyJsonStream) => Promise<void>): void {
  const job = jobs.get(id)
  if (!job) return
  job.queue = job.queue.then(() => work(job.stream))
  job.queue.catch((error: unknown) => {
    if (!jobs.delete(id)) return
    void job.stream.abort()
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) })
  })
}

function open(id: number, dir: string, memoryLimit: number): void {
  const stream = new PrettyJsonStream(new SpoolWriter(dir, memoryLimit))
  jobs.set(id, { stream, queue: warm })
}

const warm = warmUp().catch(() => undefined)

parentPort!.on('message', (job: PrettyJob) => {
  const { id } = job
  switch (job.type) {
    case 'source':
      open(id, job.dir, job.memoryLimit)
      queue(id, (stream) => writeFrom(id, stream, sourceOf(job.source), 0))
      return finish(id)
    case 'open':
      return open(id, job.dir, job.memoryLimit)
    case 'chunk':
      return queue(id, async (stream) => {
        await stream.write(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.length))
        post({ id, type: 'progress', taken: stream.taken })
      })
    case 'end':
      if (job.rest) {
        const { source, from } = job.rest
        queue(id, (stream) => writeFrom(id, stream, sourceOf(source), from))
      }
      return finish(id)
    case 'cancel':
      queue(id, (stream) => stream.abort())
      jobs.delete(id)
      return
    case 'filter':
      void filter(job)
  }
})

function finish(id: number): void {
  queue(id, async (stream) => {
    const end = await stream.end()
    jobs.delete(id)
    await answer(id, end)
  })
}
