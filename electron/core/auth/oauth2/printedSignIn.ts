import type { OpenExternal } from './grants'

/**
 * Where no browser can be opened for the user (the command line, browser mode's host):
 * the authorization URL is printed, and the loopback listener waits for the browser the
 * user opens it in.
 */
export function printedSignIn(write: (line: string) => void): OpenExternal {
  return (url) =>
    write(
      `OAuth 2.0 sign-in: open this address in a browser on this machine, then come back:\n${url}\n`,
    )
}
