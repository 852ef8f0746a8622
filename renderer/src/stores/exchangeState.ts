import type { Checks } from '../../../shared/model/assertion'
import type { RequestError } from '../../../shared/model/requestError'
import type { ResponseRecord } from '../../../shared/model/response'

/** Where one tab's request exchange stands, as the response viewer shows it. */
export type ExchangeState =
  | { phase: 'idle' }
  | {
      phase: 'running'
      /** `performance.now()` when Send was pressed. */
      startedAt: number
      /** Body bytes received so far (from `http:progress`). */
      receivedBytes: number
    }
  /** `checks`: what the request's scripts and assertions found, when it has any. */
  | { phase: 'done'; response: ResponseRecord; checks?: Checks }
  | { phase: 'failed'; error: RequestError; checks?: Checks }
