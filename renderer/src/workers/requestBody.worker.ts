/**
 * Request-body work that would freeze the UI on a big body, done off the UI thread (see
 * components/request/bodyInBackground.ts): reading a chosen file as text, checking and
 * formatting JSON. One job per worker: the helper terminates it to cancel.
 */
import { runBodyJob, type BodyJob } from '../components/request/bodyJobs'

addEventListener('message', (event: MessageEvent<BodyJob>) => {
  void runBodyJob(event.data).then((result) => postMessage(result))
})
