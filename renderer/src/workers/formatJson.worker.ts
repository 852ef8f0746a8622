/**
 * Formats a JSON text off the UI thread (see components/response/formatInBackground.ts).
 * Message in: the text. Message out: the formatted text, or null when it is not JSON.
 */
import { formatJson } from '../../../shared/logic/json'

addEventListener('message', (event: MessageEvent<string>) => {
  postMessage(formatJson(event.data))
})
