import { resolvedOrAsWritten } from '../../../shared/logic/variables'
import type { SendResult } from '../../../shared/ipc/contract'
import type { RunExecution } from '../../../shared/model/run'
import type { RequestSpec } from '../../../shared/model/request'
import { Masker } from '../history/masking'

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie'])

/**
 * A masker for what a run's reports keep of one request, or null when it holds nothing
 * secret: the same Masker history uses (secret variables as their `{{name}}` reference,
 * the auth's credential, credential headers and cookies masked), never keeping
 * credentials. Reports are files: secrets never reach them in clear.
 */
export function runMasker(
  secretNames: readonly string[],
  spec: RequestSpec,
  variables: Record<string, string>,
  result: SendResult,
): Masker | null {
  const sent = result.ok ? result.response.sent.headers : []
  const received = result.ok ? result.response.headers : []
  const credentialHeader =
    sent.some(([name]) => CREDENTIAL_HEADERS.has(name.toLowerCase())) ||
    received.some(([name]) => name.toLowerCase() === 'set-cookie')
  const auth = spec.auth.type === 'none' ? null : resolvedOrAsWritten(spec, variables).auth
  if (secretNames.length === 0 && !auth && !credentialHeader) return null
  return new Masker({ secretNames, variables, auth, headers: sent, responseHeaders: received })
}

/** The execution with every secret masked: URL, response headers and body, tests and console. */
export function maskExecution(execution: RunExecution, masker: Masker): RunExecution {
  return {
    ...execution,
    url: masker.url(execution.url),
    response: execution.response && {
      ...execution.response,
      headers: masker.headers(execution.response.headers),
      body: masker.text(execution.response.body),
    },
    error: execution.error && masker.deep(execution.error),
    checks: masker.deep(execution.checks),
  }
}
