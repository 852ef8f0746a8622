/**
 * Work on big texts done off the UI thread (see composables/inBackground.ts): reading a
 * chosen file as text, checking and formatting JSON, hashing. One job per worker: the
 * helper terminates it to cancel. Texts come and go in pieces (textParcels.ts).
 */
import { runBodyJob, type BodyJob } from './textJobs'
import { parcelReceiver, toParcels, type Parcel } from './textParcels'

const receive = parcelReceiver<BodyJob>((job) => {
  // All at once: this thread may block, and the UI thread takes each piece in its own task.
  void runBodyJob(job).then((result) => {
    for (const parcel of toParcels(result)) postMessage(parcel)
  })
})
addEventListener('message', (event: MessageEvent<Parcel>) => receive(event.data))
