import { RequestFailure } from './requestFailure'

/** A header name is an RFC 9110 token; Node refuses any other character in one. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** A line break or NUL in a value would end the header early (header injection). */
const BREAKS_LINE = /[\r\n\0]/

/**
 * Checks that every header can be sent as written, before anything goes out, so the tester
 * is told which header is wrong and how to fix it rather than getting Node's own error.
 * Throws INVALID_HEADER naming the first bad header; returns the headers unchanged.
 */
export function checkHeaders(headers: [string, string][]): [string, string][] {
  const invalid = headers.find(([name]) => !HEADER_NAME.test(name))
  if (invalid) {
    throw new RequestFailure(
      'INVALID_HEADER',
      `The header name "${invalid[0]}" is not valid.`,
      'Header names are one word of letters, digits and - (no spaces or colons).',
    )
  }
  const badValue = headers.find(([, value]) => BREAKS_LINE.test(value))
  if (badValue) {
    throw new RequestFailure(
      'INVALID_HEADER',
      `The value of header "${badValue[0]}" contains a line break.`,
      'Put the value on one line.',
    )
  }
  return headers
}
