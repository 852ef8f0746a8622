import { RequestFailure } from '../../http/requestFailure'

/** An OAuth 2.0 failure: the send stops with code OAUTH2, the message naming what refused. */
export function oauth2Failure(message: string, hint: string, cause?: string): RequestFailure {
  return new RequestFailure('OAUTH2', message, hint, cause)
}
