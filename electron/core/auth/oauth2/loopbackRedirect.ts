import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { oauth2Failure } from './oauth2Failure'

/** How long Courier waits for the browser to come back before giving up. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000

/** A listener for the authorization server's redirect back to Courier. */
export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback`: the redirect_uri to send. */
  redirectUri: string
  /** The code, once the browser comes back with it and the right `state`. */
  code: Promise<string>
  close(): void
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;padding:2em"><h1>${title}</h1><p>${text}</p></body>`

/**
 * Listens on 127.0.0.1 at an ephemeral port (RFC 8252 §7.3) for one redirect carrying the
 * authorization code. A redirect whose `state` differs is refused (another page cannot
 * hand Courier a code); an `error` from the server fails the sign-in with its words. The
 * listener closes after the first answer, on `close()`, on abort or after the time limit.
 */
export async function listenForRedirect(
  expectedState: string,
  signal?: AbortSignal,
  timeoutMs = SIGN_IN_TIMEOUT_MS,
): Promise<LoopbackRedirect> {
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void }
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }))
  // The caller may close before awaiting `code`: never an unhandled rejection.
  code.catch(() => undefined)
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/callback' || done) {
      res.writeHead(404).end()
      return
    }
    const answer = (status: number, title: string, text: string) =>
      res
        .writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' })
        .end(PAGE(title, text))
    const params = url.searchParams
    if (params.get('state') !== expectedState) {
      answer(400, 'Sign-in refused', 'This sign-in was not started by Courier (state differs).')
      finish(
        oauth2Failure(
          'The browser came back with a different OAuth 2.0 state than Courier sent, so the code was refused and nothing was sent.',
          'Press "Get new token" (or send again) to start a fresh sign-in, and finish it in the tab it opens.',
        ),
      )
      return
    }
    const error = params.get('error')
    if (error) {
      const description = params.get('error_description')
      answer(400, 'Sign-in failed', 'The authorization server refused. Return to Courier.')
      finish(
        oauth2Failure(
          `The authorization server refused the sign-in (${error}${description ? `: ${description}` : ''}), so nothing was sent.`,
          'Check the Auth URL, client ID and scope in the Auth tab, then try again.',
        ),
      )
      return
    }
    const value = params.get('code')
    if (!value) {
      answer(400, 'Sign-in failed', 'No authorization code came back. Return to Courier.')
      finish(
        oauth2Failure(
          'The browser came back without an authorization code, so nothing was sent.',
          'Check the Auth URL in the Auth tab, then try again.',
        ),
      )
      return
    }
    answer(200, 'Signed in', 'Courier has the authorization code. You can close this tab.')
    finish(null, value)
  })
  const timer = setTimeout(
    () =>
      finish(
        oauth2Failure(
          `No sign-in came back within ${timeoutMs / 60_000} minutes, so nothing was sent.`,
          'Press "Get new token" (or send again) and finish the sign-in in the browser tab it opens.',
        ),
      ),
    timeoutMs,
  )
  const onAbort = () =>
    finish(
      oauth2Failure('The sign-in was cancelled, so nothing was sent.', 'Send again to sign in.'),
    )
  signal?.addEventListener('abort', onAbort, { once: true })
  let done = false
  function finish(error: Error | null, value?: string) {
    if (done) return
    done = true
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
    server.close()
    server.closeIdleConnections()
    if (error) settle.reject(error)
    else settle.resolve(value!)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    code,
    close: () =>
      finish(oauth2Failure('The sign-in was closed before it finished.', 'Send again to sign in.')),
  }
}
