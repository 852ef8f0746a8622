import { emptyRequest, type RequestSpec } from '../../../../shared/model/request'
import type { HistoryEntry } from '../../../../shared/model/history'
import { plainCopy } from '../../stores/plainCopy'

/** Headers the engine adds on its own: left out when a sent request becomes an edited one. */
const ADDED_BY_ENGINE = new Set([
  'user-agent',
  'accept',
  'accept-encoding',
  'content-length',
  'host',
])

/**
 * The request to reopen from a history entry: as it was edited when the app sent it, or,
 * for a `courier send` entry, rebuilt from what went on the wire.
 */
export function requestOfEntry(entry: HistoryEntry): RequestSpec {
  if (entry.edited) return plainCopy(entry.edited)
  const sent = entry.response?.sent ?? entry.sentOnError
  const headers = (sent?.headers ?? [])
    .filter(([name]) => !ADDED_BY_ENGINE.has(name.toLowerCase()))
    .map(([key, value]) => ({ key, value, enabled: true }))
  return { ...emptyRequest(), method: entry.method, url: entry.url, headers }
}

/** "GET https://…", the accessible name of an entry in lists. */
export function entryName(entry: { method: string; url: string }): string {
  return `${entry.method} ${entry.url}`
}

/**
 * The request as it went out, for Copy as cURL: URL and headers as sent (secrets masked),
 * the body as edited (history keeps the sent body only as a summary).
 */
export function sentRequestOfEntry(entry: HistoryEntry): RequestSpec {
  const sent = entry.response?.sent ?? entry.sentOnError
  const base = requestOfEntry(entry)
  if (!sent) return base
  const headers = sent.headers
    .filter(([name]) => !ADDED_BY_ENGINE.has(name.toLowerCase()))
    .map(([key, value]) => ({ key, value, enabled: true }))
  return {
    ...base,
    method: sent.method,
    url: sent.url,
    params: [],
    headers,
    auth: { type: 'none' },
  }
}
