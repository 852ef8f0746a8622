/**
 * One side of a history comparison, as the compare dialog shows it. Apart from historyDiff.ts
 * (and its `diff` library) because the history store needs it at start and the diff does not.
 */
import type { ResponseRecord } from '../../../../shared/model/response'

/** One side of a comparison: what came back, as text. */
export interface ComparedSide {
  title: string
  status: string
  headers: [string, string][]
  body: string
}

/** A response (or why there is none) as a side of a comparison: a binary body is named, not shown. */
export function sideOf(
  title: string,
  response: ResponseRecord | null,
  error?: string,
): ComparedSide {
  if (!response) return { title, status: error ?? 'No response', headers: [], body: '' }
  const body =
    response.bodyEncoding === 'base64'
      ? `(binary body, ${response.sizes.body} bytes)`
      : response.body
  return {
    title,
    status: `${response.status} ${response.statusText}`.trim(),
    headers: response.headers,
    body,
  }
}
