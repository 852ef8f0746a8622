import { emptyRequest, type RequestSpec } from '../../../shared/model/request'

/** A request spec for tests: an empty GET plus the fields a test cares about. */
export function spec(over: Partial<RequestSpec>): RequestSpec {
  return { ...emptyRequest(), ...over }
}

/** Parses a JSON response body, failing the test with the body when it is not JSON. */
export function jsonBody(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>
  } catch {
    throw new Error(`Expected a JSON body, got: ${body.slice(0, 200)}`)
  }
}
