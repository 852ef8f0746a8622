import { describeAssertion, type Assertion, type TestResult } from '../../../shared/model/assertion'
import {
  actualValue,
  AssertionInputError,
  ParsedBody,
  type AssertedResponse,
} from './assertionValues'
import { compare } from './compare'
import type { SchemaCheck } from './schemaCheck'

export type { AssertedResponse } from './assertionValues'

export interface AssertionOptions {
  /** Resolves `{{variables}}` in a row's path and expected value. */
  resolve: (text: string) => string
  schemas: SchemaCheck
}

/**
 * Checks every enabled row against the response, in order. A row that cannot be evaluated
 * (an invalid JSONPath, a body that is not JSON, a schema file missing) fails with the
 * reason; it never stops the rows after it.
 */
export async function evaluateAssertions(
  rows: readonly Assertion[],
  response: AssertedResponse,
  options: AssertionOptions,
): Promise<TestResult[]> {
  const body = new ParsedBody(response.bodyText)
  const results: TestResult[] = []
  for (const given of rows) {
    if (!given.enabled) continue
    const row = {
      ...given,
      path: options.resolve(given.path),
      expected: options.resolve(given.expected),
    }
    const name = describeAssertion(row)
    try {
      const failure =
        row.operator === 'matchesSchema'
          ? // A schema describes the body's JSON, not its text.
            await options.schemas.verdict(
              row.target === 'body' ? body.value : actualValue(row, response, body),
              row.expected,
            )
          : compare(row.operator, actualValue(row, response, body), row.expected)
      results.push(
        failure === null
          ? { name, passed: true, source: 'assertion' }
          : { name, passed: false, error: failure, source: 'assertion' },
      )
    } catch (error) {
      if (!(error instanceof AssertionInputError)) throw error
      results.push({
        name,
        passed: false,
        error: `Cannot check: ${error.message}.`,
        source: 'assertion',
      })
    }
  }
  return results
}
