import { onBeforeUnmount, ref } from 'vue'
import type { ResponseRecord } from '../../../../shared/model/response'
import { downloadFile, downloadUrl } from '../../composables/downloadFile'
import { bodyApi, reasonOf } from './large/bodyApi'
import { decodeBase64, fileExtension } from './formatResponse'

/**
 * Copy and Save to file for the body viewer, with the short feedback they give. A body
 * kept on the Node side is saved from there (streamed from disk, byte for byte); one
 * held only in the renderer (a history entry) is saved from memory as before.
 */
export function useBodyActions(response: () => ResponseRecord) {
  const feedback = ref('')
  const feedbackIsError = ref(false)
  let feedbackTimer: ReturnType<typeof setTimeout> | undefined

  function say(message: string, isError: boolean) {
    feedback.value = message
    feedbackIsError.value = isError
    clearTimeout(feedbackTimer)
    // Errors stay until the next action; a success clears itself.
    if (!isError) feedbackTimer = setTimeout(() => (feedback.value = ''), 1500)
  }
  onBeforeUnmount(() => clearTimeout(feedbackTimer))

  async function copy() {
    try {
      await navigator.clipboard.writeText(response().body)
      say('Copied', false)
    } catch (error) {
      say(`Could not copy: ${reasonOf(error)}`, true)
    }
  }

  async function save() {
    const { body, bodyEncoding, bodyId, mediaType } = response()
    const fileName = `response.${fileExtension(mediaType, bodyEncoding)}`
    try {
      if (bodyId) await saveKept(bodyId, fileName)
      else {
        const data = bodyEncoding === 'base64' ? decodeBase64(body) : body
        downloadFile(fileName, data, mediaType || 'application/octet-stream')
      }
    } catch (error) {
      say(`Could not save: ${reasonOf(error)}`, true)
    }
  }

  async function saveKept(bodyId: string, fileName: string) {
    const result = await bodyApi().save({ bodyId, fileName })
    if (result.outcome === 'saved') say(`Saved to ${result.path}`, false)
    // Browser mode: the web host streams the kept file from disk behind this URL.
    else if (result.outcome === 'download') downloadUrl(fileName, result.url)
  }

  return { feedback, feedbackIsError, copy, save }
}
