import type { RequestError, RequestErrorCode } from '../../../shared/model/requestError'

/** A transport failure raised inside the engine, already worded for the tester. */
export class RequestFailure extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly hint: string,
    readonly causeCode?: string,
    /** FILE_NOT_CONFIRMED: the file the user must confirm. */
    readonly file?: string,
  ) {
    super(message)
    this.name = 'RequestFailure'
  }

  toRequestError(): RequestError {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(this.causeCode ? { cause: this.causeCode } : {}),
      ...(this.file ? { file: this.file } : {}),
    }
  }
}
