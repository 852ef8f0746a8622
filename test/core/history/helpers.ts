import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SendResult } from '../../../shared/ipc/contract'
import { SendContextSchema, type SendContext } from '../../../shared/model/history'
import { RequestSpecSchema, type RequestSpecInput } from '../../../shared/model/request'
import type { ResponseRecord } from '../../../shared/model/response'
import type { AppendInput } from '../../../electron/core/history/historyStore'
import { HistoryStore, type HistoryStoreOptions } from '../../../electron/core/history/historyStore'

/** A fresh data directory under the OS temp dir. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'courier-history-'))
}

/** A store on a fresh data dir (or the given one); notices are collected. */
export function openStore(
  dataDir = tempDataDir(),
  options: Partial<HistoryStoreOptions> = {},
): { store: HistoryStore; dataDir: string; notices: string[] } {
  const notices: string[] = []
  const store = HistoryStore.open(dataDir, { notice: (m) => notices.push(m), ...options })
  return { store, dataDir, notices }
}

/** A response as the engine returns it, for a GET of `url` unless overridden. */
export function response(over: Partial<ResponseRecord> = {}): ResponseRecord {
  const url = over.url ?? 'https://api.example.com/users/1'
  const body = over.body ?? '{"id":1,"name":"Jane Roe"}'
  return {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    url,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Request-Id', 'req-123'],
    ],
    body,
    bodyEncoding: 'utf8',
    bodyComplete: true,
    bodyId: null,
    overLimit: false,
    mediaType: 'application/json',
    charset: 'utf-8',
    sizes: { headers: 80, body: Buffer.byteLength(body), encodedBody: Buffer.byteLength(body) },
    redirects: [],
    timings: { dns: 1, connect: 2, tls: 3, firstByte: 10, download: 4, total: 20 },
    sent: {
      method: 'GET',
      url,
      headers: [
        ['User-Agent', 'Courier/0.1'],
        ['Accept', '*/*'],
      ],
      bodySummary: 'no body',
    },
    ...over,
  }
}

export const ok = (over: Partial<ResponseRecord> = {}): SendResult => ({
  ok: true,
  response: response(over),
})

export const failed = (code: 'REFUSED' | 'TIMEOUT' | 'DNS' = 'REFUSED'): SendResult => ({
  ok: false,
  error: { code, message: `Nothing answered (${code}).`, hint: 'Check the server.' },
})

export const spec = (over: Partial<RequestSpecInput> = {}) =>
  RequestSpecSchema.parse({ method: 'GET', url: 'https://api.example.com/users/1', ...over })

export const context = (over: Partial<SendContext> = {}): SendContext =>
  SendContextSchema.parse(over)

/** An append of a 200 GET unless overridden. */
export function entry(over: Partial<AppendInput> = {}): AppendInput {
  return {
    at: Date.now(),
    source: 'app',
    context: context(),
    spec: spec(),
    variables: {},
    result: ok(),
    ...over,
  }
}
