import * as z from 'zod'

/**
 * Declarative checks on a response, one row each: `target · operator · expected`. Saved in
 * request files, folder.json and courier.json as flat objects, so a diff shows the row.
 */

/** What a row looks at. */
export const ASSERTION_TARGETS = [
  'status',
  'header',
  'jsonPath',
  'body',
  'responseTime',
  'bodySize',
] as const
export type AssertionTarget = (typeof ASSERTION_TARGETS)[number]

/** How it compares. */
export const ASSERTION_OPERATORS = [
  'equals',
  'notEquals',
  'greaterThan',
  'greaterOrEqual',
  'lessThan',
  'lessOrEqual',
  'contains',
  'matches',
  'exists',
  'isType',
  'isOneOf',
  'matchesSchema',
] as const
export type AssertionOperator = (typeof ASSERTION_OPERATORS)[number]

/** JSON types `isType` accepts. */
export const ASSERTION_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'array',
  'object',
] as const

export const AssertionSchema = z.object({
  enabled: z.boolean().default(true),
  target: z.enum(ASSERTION_TARGETS),
  /** The header name (`header`) or the JSONPath expression (`jsonPath`); empty otherwise. */
  path: z.string().max(2000).default(''),
  operator: z.enum(ASSERTION_OPERATORS),
  /**
   * What to compare with, as typed; may hold `{{variables}}`. JSON where it parses (`200`,
   * `"x"`, `[1,2]`), else the text itself. `isOneOf`: a JSON array or comma-separated
   * values. `matchesSchema`: an inline JSON Schema, or `file:path/in/workspace.json`.
   * Unused by `exists`.
   */
  expected: z.string().max(1_000_000).default(''),
})
export type Assertion = z.infer<typeof AssertionSchema>
export type AssertionInput = z.input<typeof AssertionSchema>

/** The outcome of one test: an assertion row or a script's `pm.test`. */
export const TestResultSchema = z.object({
  /** What was checked, as the tester reads it: "status equals 200", or the pm.test name. */
  name: z.string(),
  passed: z.boolean(),
  /** Why it failed: expected and actual, or the script's error. */
  error: z.string().optional(),
  /** Where it came from: a declarative row, or a script (named like "request Get user"). */
  source: z.string().default('assertion'),
})
export type TestResult = z.infer<typeof TestResultSchema>

/** One line a script printed through console.*. */
export const ConsoleLineSchema = z.object({
  level: z.enum(['log', 'info', 'warn', 'error']),
  text: z.string(),
})
export type ConsoleLine = z.infer<typeof ConsoleLineSchema>

const OPERATOR_WORDS: Record<AssertionOperator, string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  greaterThan: '>',
  greaterOrEqual: '≥',
  lessThan: '<',
  lessOrEqual: '≤',
  contains: 'contains',
  matches: 'matches',
  exists: 'exists',
  isType: 'is of type',
  isOneOf: 'is one of',
  matchesSchema: 'is valid against schema',
}

/** The row as a sentence, for results and reports: `header Content-Type contains json`. */
export function describeAssertion(
  row: Pick<Assertion, 'target' | 'path' | 'operator' | 'expected'>,
): string {
  const target = row.path ? `${row.target} ${row.path}` : row.target
  const expected = row.operator === 'exists' ? '' : ` ${abbreviate(row.expected)}`
  return `${target} ${OPERATOR_WORDS[row.operator]}${expected}`
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat
}

/** A script that failed as a whole: a syntax error, an uncaught exception, a limit. */
export const ScriptFailureSchema = z.object({
  /** Which script: "workspace", "folder Users", "request Get user". */
  script: z.string(),
  /** `preRequest` or `postResponse`. */
  event: z.enum(['preRequest', 'postResponse']),
  message: z.string(),
  /** Where in the script, 1-based, when known. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** The limit it hit, when that is why it stopped. */
  limit: z.enum(['memory', 'cpu', 'time']).optional(),
})
export type ScriptFailure = z.infer<typeof ScriptFailureSchema>

/**
 * What a send's scripts and assertions found: every test in the order run (script
 * `pm.test`s and assertion rows), what the scripts printed, and a script that failed.
 * A send with a failed test or a script failure counts as failed.
 */
export const ChecksSchema = z.object({
  tests: z.array(TestResultSchema).default([]),
  console: z.array(ConsoleLineSchema).default([]),
  scriptFailure: ScriptFailureSchema.nullable().default(null),
  /**
   * In a collection run, a failing script does not stop the others (as in newman): the
   * failures after the first (`scriptFailure`), in order.
   */
  moreScriptFailures: z.array(ScriptFailureSchema).optional(),
})
export type Checks = z.infer<typeof ChecksSchema>

/** Whether the checks make the send fail. */
export function checksFailed(checks: Checks | undefined | null): boolean {
  return !!checks && (checks.scriptFailure !== null || checks.tests.some((t) => !t.passed))
}
