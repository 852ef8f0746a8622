import { indexedText, pack, unpack } from './bodyCodec'
import type { StoredDetail } from './entryRecord'
import { Masker } from './masking'
import type { Sqlite } from './sqlite'

type HeaderList = [string, string][]
type PartRow = { part: string; codec: string; data: Buffer }

/**
 * Schema v5's step: histories written before credentials were masked by default kept
 * Authorization, Proxy-Authorization, Cookie and Set-Cookie in clear. Each entry's stored
 * headers are masked with the Masker history uses now (keepCredentials off), and those
 * values masked wherever they were echoed (bodies, the request as edited); its search text
 * is indexed again from the masked parts. Entries with nothing to mask are left untouched.
 */
export function scrubStoredCredentials(db: Sqlite): void {
  const ids = db.all<{ id: number; url: string }>('SELECT id, url FROM entries ORDER BY id')
  for (const { id, url } of ids) {
    const parts = db.all<PartRow>('SELECT part, codec, data FROM entry_parts WHERE entry_id = ?', [
      id,
    ])
    const detailRow = parts.find((p) => p.part === 'detail')
    if (!detailRow) continue
    const detail = JSON.parse(
      unpack(detailRow.codec, detailRow.data).toString('utf8'),
    ) as StoredDetail
    const sent: HeaderList = detail.response?.sent.headers ?? detail.sentOnError?.headers ?? []
    const received: HeaderList = detail.response?.headers ?? []
    const masker = new Masker({
      secretNames: [],
      variables: {},
      auth: null,
      headers: sent,
      responseHeaders: received,
    })
    const scrubbed = scrubDetail(detail, masker)
    const detailText = JSON.stringify(scrubbed)
    if (detailText === JSON.stringify(detail)) continue
    const maskedUrl = masker.url(url)
    if (maskedUrl !== url) db.run('UPDATE entries SET url = ? WHERE id = ?', [maskedUrl, id])
    const texts = new Map<string, string>()
    for (const row of parts) {
      const text =
        row.part === 'detail'
          ? detailText
          : isText(row.part, scrubbed)
            ? masker.text(unpack(row.codec, row.data).toString('utf8'))
            : null
      if (text === null) continue
      texts.set(row.part, text)
      const packed = pack(Buffer.from(text, 'utf8'), row.codec !== 'identity')
      db.run('UPDATE entry_parts SET codec = ?, data = ? WHERE entry_id = ? AND part = ?', [
        packed.codec,
        packed.data,
        id,
        row.part,
      ])
    }
    const lines = (list: HeaderList) => list.map(([n, v]) => `${n}: ${v}`).join('\n')
    const sentAfter = scrubbed.response?.sent.headers ?? scrubbed.sentOnError?.headers ?? []
    // A contentless index forgets a row only when told, and takes it again whole.
    db.run('DELETE FROM entries_fts WHERE rowid = ?', [id])
    db.run(
      `INSERT INTO entries_fts (rowid, url, request_headers, response_headers, request_body,
        response_body) VALUES (?, ?, ?, ?, ?, ?)`,
      [
        id,
        maskedUrl,
        lines(sentAfter),
        lines(scrubbed.response?.headers ?? []),
        indexedText(texts.get('request_body') ?? ''),
        indexedText(texts.get('response_body') ?? ''),
      ],
    )
  }
}

/** Request bodies are text; a response body only when it was decoded as text. */
function isText(part: string, detail: StoredDetail): boolean {
  if (part === 'request_body') return true
  return part === 'response_body' && detail.response?.bodyEncoding === 'utf8'
}

function scrubDetail(detail: StoredDetail, masker: Masker): StoredDetail {
  const response = detail.response && {
    ...masker.deep(detail.response),
    headers: masker.headers(detail.response.headers),
    sent: {
      ...masker.deep(detail.response.sent),
      headers: masker.headers(detail.response.sent.headers),
    },
  }
  return {
    ...detail,
    edited: detail.edited && masker.deep(detail.edited),
    response,
    sentOnError: detail.sentOnError && {
      ...masker.deep(detail.sentOnError),
      headers: masker.headers(detail.sentOnError.headers),
    },
    checks: detail.checks && masker.deep(detail.checks),
  }
}
