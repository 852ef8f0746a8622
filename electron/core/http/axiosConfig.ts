import type https from 'node:https'
import axios, { type AxiosRequestConfig } from 'axios'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { ExchangeSignal } from './abort'
import type { EncodedBody } from './requestBody'
import type { AgentSet } from './timedAgents'

/** Everything one exchange hands to axios. */
export interface ExchangeRequest {
  url: string
  method: string
  /** Headers as they go on the wire, in order, repeats kept. */
  headers: [string, string][]
  data: EncodedBody['data']
  settings: Pick<RequestDefaults, 'verifyTls'>
  agents: AgentSet
  /** The agent for this request's TLS settings (extra CAs, client certificate); default: the engine's plain ones. */
  httpsAgent?: https.Agent
  /** axios takes it as a GenericAbortSignal. */
  abort: ExchangeSignal
}

/**
 * The engine's own axios instance, which sends a request exactly as the tester wrote it and
 * leaves the response to the engine: axios neither reshapes, decompresses nor judges
 * anything. What never changes is set here once, not in every request's configuration:
 * axios merges each request's configuration into its instance's defaults, and merging
 * into the stock defaults (their per-method header tables, transforms and adapter list)
 * cost ~26 µs per request where these take ~9 (`npm run bench -- engine`).
 */
export const engineAxios = axios.create({
  // Node's http module only: no adapter lookup per request.
  adapter: 'http',
  // Bodies of any size are streamed to the BodyStore (see receiveBody), never buffered.
  responseType: 'stream',
  // receiveBody decodes, so the size on the wire can still be measured.
  decompress: false,
  // A 4xx or 5xx is a response to show, not an error.
  validateStatus: () => true,
  // The body goes byte for byte as encodeBody made it: axios's default transform would
  // re-serialise a string sent with a JSON Content-Type, and a form with it into JSON.
  transformRequest: [(data: unknown) => data],
  // The body is a stream the engine reads; nothing to parse.
  transformResponse: [],
  // The engine follows redirects itself (RedirectTrail): one request per hop, and axios
  // skips its follow-redirects layer, a fifth of a small exchange's cost.
  maxRedirects: 0,
  // A request body of any size goes (a file streamed from disk can be gigabytes).
  maxBodyLength: Infinity,
  // Straight to the server: axios would otherwise take a proxy from HTTP_PROXY and friends.
  proxy: false,
})
// No default headers (axios's own Accept among them): the engine sends exactly the list
// mergeHeaders made, which always has its own Accept, User-Agent and Accept-Encoding.
engineAxios.defaults.headers = { common: {} } as typeof engineAxios.defaults.headers
// Defaults axios's Node adapter never reads for this instance: the xsrf names are for
// browsers, the engine keeps its own deadline and size limit, no response is a Blob, and
// without `transitional` axios uses its own defaults (and skips checking them). Each would
// be merged into every request's configuration: mergeConfig took 10-11.6 us a call with
// them, 6.9-8.8 without (100k calls).
for (const key of [
  'transitional',
  'env',
  'xsrfCookieName',
  'xsrfHeaderName',
  'maxContentLength',
  'timeout',
] as const)
  delete engineAxios.defaults[key]

/** The per-request part of the configuration: where, what, and over which agents. */
export function axiosConfigFor(request: ExchangeRequest): AxiosRequestConfig {
  const { settings, agents } = request
  return {
    url: request.url,
    method: request.method,
    headers: toAxiosHeaders(request.headers),
    data: request.data,
    // The engine's own agents, which keep sockets alive and record their connection phases.
    httpAgent: agents.http,
    httpsAgent: request.httpsAgent ?? (settings.verifyTls ? agents.https : agents.httpsInsecure),
    signal: request.abort,
  }
}

/** axios takes one key per name: repeated headers become an array, which Node sends as separate lines. */
export function toAxiosHeaders(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  const keyOf = new Map<string, string>()
  for (const [name, value] of pairs) {
    const existing = keyOf.get(name.toLowerCase())
    if (existing === undefined) {
      keyOf.set(name.toLowerCase(), name)
      out[name] = value
    } else {
      const prev = out[existing]!
      out[existing] = Array.isArray(prev) ? [...prev, value] : [prev, value]
    }
  }
  return out
}
