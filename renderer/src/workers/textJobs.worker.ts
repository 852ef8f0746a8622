/**
 * Work on big texts done off the UI thread (see composables/inBackground.ts): reading a
 * chosen file as text, checking and formatting JSON, hashing. One job per worker: the
 * helper terminates it to cancel.
 */
import { runBodyJob, type BodyJob } from './textJobs'

addEventListener('message', (event: MessageEvent<BodyJob>) => {
  void runBodyJob(event.data).then((result) => postMessage(result))
})
