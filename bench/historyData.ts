import type { AppendInput } from '../electron/core/history/historyStore'
import { SendContextSchema } from '../shared/model/history'
import type { ResponseRecord } from '../shared/model/response'

/** A small seeded generator, so every run fills the same database. */
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES =
  'ka lo mi ne ru sa te vo bi da fe gu ho ji ku la ma no pe qui ra si tu ve wa xo ya zu'
    .split(' ')
    .filter(Boolean)

/** A vocabulary of pronounceable words, like the values of real JSON APIs. */
function vocabulary(size: number, next: () => number): string[] {
  const words = new Set<string>()
  while (words.size < size) {
    const n = 2 + Math.floor(next() * 3)
    let w = ''
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)]
    words.add(w)
  }
  return [...words]
}

const STATUSES = ['pending', 'shipped', 'delivered', 'cancelled', 'returned']
const HOSTS = Array.from({ length: 20 }, (_, i) => `api${i}.example.com`)
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH']
const WORKSPACES = ['/home/tester/shop', '/home/tester/billing', '/home/tester/auth']
const ENVIRONMENTS = ['dev', 'staging', 'prod']

/** Changes whenever the entries below change, so a cached fill is built again. */
export const HISTORY_DATA_VERSION = 2

/** Builds the entries of the benchmark: JSON bodies of 1 KB, 100 KB or 1 MB. */
export class HistoryData {
  private readonly next = random(42)
  private readonly words = vocabulary(5000, this.next)
  private readonly pool100k: string[]
  private readonly pool1m: string[]
  private readonly start = Date.UTC(2025, 0, 1)

  constructor() {
    this.pool100k = Array.from({ length: 32 }, () => this.records(100 * 1024))
    this.pool1m = Array.from({ length: 8 }, () => this.records(1024 * 1024))
  }

  private word(): string {
    return this.words[Math.floor(this.next() * this.words.length)]!
  }

  /** A JSON array of order records, about `bytes` long. */
  records(bytes: number): string {
    const parts: string[] = []
    let length = 2
    for (let id = 1; length < bytes; id++) {
      const record = JSON.stringify({
        id,
        sku: `${this.word()}-${Math.floor(this.next() * 100000)}`,
        title: `${this.word()} ${this.word()} ${this.word()}`,
        status: STATUSES[id % STATUSES.length],
        customer: { name: `${this.word()} ${this.word()}`, city: this.word() },
        total: Math.round(this.next() * 100000) / 100,
        tags: [this.word(), this.word()],
      })
      parts.push(record)
      length += record.length + 1
    }
    return `[${parts.join(',')}]`
  }

  /**
   * The n-th entry of the fill: 0.1% with a 1 MB body, 1% with 100 KB, the rest about
   * 1 KB (a million entries are then some 2 GB of text, which a fill indexes in minutes).
   * `body` replaces the items (the 10 MB append).
   */
  entry(n: number, size: 'auto' | 'small' = 'auto', items?: string): AppendInput {
    const roll = size === 'small' ? 999 : (n * 7919) % 1000
    items ??=
      roll === 0
        ? this.pool1m[n % this.pool1m.length]!
        : roll <= 10
          ? this.pool100k[n % this.pool100k.length]!
          : this.records(900)
    const body = `{"trace":"t${n}","items":${items}}`
    const host = HOSTS[n % HOSTS.length]!
    const method = METHODS[n % METHODS.length]!
    const url = `https://${host}/v1/orders/${n}?expand=${this.word()}`
    const status = n % 50 === 0 ? 500 : n % 10 === 0 ? 404 : 200
    const response: ResponseRecord = {
      status,
      statusText: status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Internal Server Error',
      httpVersion: '1.1',
      url,
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['X-Request-Id', `rq-${n}`],
        ['Server', 'bench'],
      ],
      body,
      bodyEncoding: 'utf8',
      bodyComplete: true,
      bodyId: null,
      overLimit: false,
      mediaType: 'application/json',
      charset: 'utf-8',
      sizes: { headers: 120, body: body.length, encodedBody: body.length },
      redirects: [],
      timings: { dns: 0, connect: 1, tls: 0, firstByte: 12, download: 3, total: 16 },
      sent: {
        method,
        url,
        headers: [
          ['Authorization', 'Bearer bench-token-123456'],
          ['Accept', 'application/json'],
          ['User-Agent', 'Courier/0.1'],
        ],
        bodySummary: 'no body',
      },
    }
    return {
      at: this.start + n * 60_000,
      source: n % 5 === 0 ? 'cli' : 'app',
      context: SendContextSchema.parse({
        workspace: WORKSPACES[n % WORKSPACES.length],
        workspaceName: 'Shop',
        environment: ENVIRONMENTS[n % ENVIRONMENTS.length],
        requestPath: `Orders/Get order ${n % 40}.request.json`,
      }),
      spec: null,
      variables: {},
      result: n % 97 === 0 ? refused(host) : { ok: true, response },
      sentOnError: { method, url, headers: response.sent.headers },
    }
  }

  /** A word of the bodies, for searches. */
  wordAt(index: number): string {
    return this.words[index]!
  }
}

function refused(host: string): AppendInput['result'] {
  return {
    ok: false,
    error: { code: 'REFUSED', message: `${host} refused the connection.`, hint: 'Is it running?' },
  }
}
