import { randomUUID } from 'node:crypto'
import { RequestSpecSchema } from '../../../../shared/model/request'
import type { RequestDefaults } from '../../../../shared/model/settings'
import type { HttpEngine } from '../../http/engine'
import { oauth2Failure } from './oauth2Failure'
import type { TokenPost } from './tokenEndpoint'

/** The longest a token endpoint may take to answer, connect to last byte. */
const TOKEN_TIMEOUT_MS = 30_000

/**
 * Token requests through the engine, so they take the same proxy (and its password) and
 * TLS settings (CA files, client certificates) as the sends they are for, and the send's
 * "verify TLS" (`options`; else `defaults`, the app's request defaults, as for "Get new
 * token"). Not kept in history: only the send that needed the token is.
 */
export function enginePost(
  engine: () => HttpEngine,
  defaults?: () => Partial<RequestDefaults>,
): TokenPost {
  return async (url, headers, body, signal, options = {}) => {
    const requestId = `oauth2-${randomUUID()}`
    const cancel = () => engine().cancel(requestId)
    signal?.addEventListener('abort', cancel, { once: true })
    try {
      const result = await engine().send({
        requestId,
        ...(defaults && { defaults: defaults() }),
        spec: RequestSpecSchema.parse({
          method: 'POST',
          url,
          headers: Object.entries(headers)
            .filter(([name]) => name.toLowerCase() !== 'content-type')
            .map(([key, value]) => ({ key, value, enabled: true })),
          body: { type: 'raw', text: body, contentType: 'application/x-www-form-urlencoded' },
          // A token endpoint that redirects is misconfigured: say so rather than follow.
          settings: {
            followRedirects: false,
            timeoutMs: TOKEN_TIMEOUT_MS,
            ...(options.verifyTls !== undefined && { verifyTls: options.verifyTls }),
          },
        }),
      })
      if (!result.ok) {
        throw oauth2Failure(
          `The token endpoint ${url} could not be reached: ${result.error.message}`,
          result.error.hint,
          result.error.code,
        )
      }
      const { response } = result
      const text =
        response.bodyEncoding === 'utf8'
          ? response.body
          : Buffer.from(response.body, 'base64').toString('utf8')
      return { status: response.status, text }
    } finally {
      signal?.removeEventListener('abort', cancel)
    }
  }
}
