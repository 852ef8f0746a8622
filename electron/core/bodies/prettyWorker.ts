/**
 * A worker thread that pretty-prints JSON bodies (prettyJson.ts) on a core of its own: no
 * slicing, so it runs at full speed, and the Node thread that answers the renderer never
 * waits for it. Kept alive by prettyInWorker.ts, which sends it one job per body; it posts
 * progress, then the result, each tagged with the job's id.
 */
import { parentPort } from 'node:worker_threads'
import { FileSource } from './byteSource'
import { prettyPrintJson } from './prettyJson'
import { refOf, sourceOf, type PrettyJob, type PrettyMessage } from './prettyJobMessages'
import { SpoolWriter } from './spoolWriter'

const post = (message: PrettyMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer)

async function run(job: PrettyJob): Promise<void> {
  const { id } = job
  const source = sourceOf(job.source)
  try {
    const result = await prettyPrintJson(source, {
      out: new SpoolWriter(job.dir, job.memoryLimit),
      decoder: (bytes) => bytes.toString('utf8'),
      onProgress: (done) => post({ id, type: 'progress', done }),
      // Alone on its thread: big reads, no need to leave room for other work.
      chunkBytes: 8 * 1024 * 1024,
    })
    if (!result.ok) return post({ id, type: 'invalid', error: result.error })
    const { text, lineStarts, foldEnds, parents } = result.doc
    if (text instanceof FileSource) await text.close()
    post(
      { id, type: 'done', text: refOf(text), lineStarts, foldEnds: foldEnds!, parents: parents! },
      [
        lineStarts.buffer as ArrayBuffer,
        foldEnds!.buffer as ArrayBuffer,
        parents!.buffer as ArrayBuffer,
      ],
    )
  } finally {
    if (source instanceof FileSource) await source.close()
  }
}

parentPort!.on('message', (job: PrettyJob) => {
  run(job).catch((error: unknown) =>
    post({
      id: job.id,
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    }),
  )
})
