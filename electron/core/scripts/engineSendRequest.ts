/**
 * pm.sendRequest through Courier's own HttpEngine: a script's request becomes a
 * RequestSpec (its variables left as they are, as in Postman), the engine's response
 * becomes what the script sees. The whole body is read back from the engine's body store
 * when it is bigger than what a ResponseRecord carries, up to `maxBodyBytes`.
 */
import type { RequestSpec } from '../../../shared/model/request'
import type { HttpEngine } from '../http/engine'
import type { ScriptHttpRequest, ScriptHttpResponse, ScriptSendRequest } from './scriptTypes'

export interface EngineSendOptions {
  /** The app's request defaults (timeout, redirects, TLS); the engine's own when absent. */
  defaults?: Parameters<HttpEngine['send']>[0]['defaults']
  /** A body bigger than this is cut to it for the script. Default 16 MB. */
  maxBodyBytes?: number
}

const rows = (pairs: [string, string][]) =>
  pairs.map(([key, value]) => ({ key, value, enabled: true }))

/** A script's request as the engine takes it. */
export function scriptRequestSpec(request: ScriptHttpRequest): RequestSpec {
  const contentType = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  const body: RequestSpec['body'] =
    request.body === null
      ? { type: 'none' }
      : request.body.mode === 'raw'
        ? { type: 'raw', text: request.body.raw, contentType: contentType ?? 'text/plain' }
        : request.body.mode === 'urlencoded'
          ? { type: 'form', fields: rows(request.body.fields) }
          : {
              type: 'multipart',
              parts: request.body.fields.map(([key, value]) => ({
                kind: 'text' as const,
                key,
                value,
                enabled: true,
              })),
            }
  return {
    method: request.method,
    url: request.url,
    params: [],
    headers: rows(request.headers),
    body,
    auth: { type: 'none' },
    settings: {},
  }
}

/** A ScriptSendRequest that sends with `engine`; rejects with the engine's error (code, message, hint). */
export function engineSendRequest(
  engine: HttpEngine,
  options: EngineSendOptions = {},
): ScriptSendRequest {
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024
  let sequence = 0
  return async (request, { signal, cookies }) => {
    const requestId = `script-${process.pid}-${++sequence}`
    const cancel = () => engine.cancel(requestId)
    signal.addEventListener('abort', cancel, { once: true })
    try {
      const sent = await engine.send({
        spec: scriptRequestSpec(request),
        requestId,
        ...(options.defaults && { defaults: options.defaults }),
        ...(cookies && { cookies }),
      })
      if (!sent.ok) {
        // A script's err.code is Node's (ECONNREFUSED, ENOTFOUND, a TLS code...), as
        // newman's is; Courier's own code when the failure has no lower cause.
        const { code, message, hint, cause } = sent.error
        throw Object.assign(new Error(hint ? `${message} ${hint}` : message), {
          code: cause ?? code,
        })
      }
      const r = sent.response
      let body = r.body
      if (r.bodyId && (!r.bodyComplete || r.bodyEncoding !== 'utf8')) {
        body = await engine.bodies.contents(r.bodyId, 'utf8', maxBodyBytes)
      }
      if (r.bodyId) void engine.bodies.release(r.bodyId)
      const response: ScriptHttpResponse = {
        code: r.status,
        status: r.statusText,
        headers: r.headers.map(([name, value]) => [name, value]),
        body,
        responseTime: r.timings.total,
        size: r.sizes.body,
      }
      return response
    } finally {
      signal.removeEventListener('abort', cancel)
    }
  }
}
