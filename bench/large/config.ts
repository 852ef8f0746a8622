/** Settings of `npm run bench -- large`, from the environment (see bench/large.ts). */

/** BENCH_LARGE_SIZES=1,10 (MB): the body sizes to measure. */
export const SIZES_MB = (process.env.BENCH_LARGE_SIZES ?? '1,10,50,100')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isFinite(n) && n > 0)
/** BENCH_LARGE_TIMEOUT_S=120: how long one size may take. */
export const TIMEOUT_S = Number(process.env.BENCH_LARGE_TIMEOUT_S ?? 120)
/** BENCH_LARGE_BODY_MB=50: the size of the request body the request-body case loads. */
export const BODY_MB = Number(process.env.BENCH_LARGE_BODY_MB ?? 50)
/** The cases of `npm run bench -- large`: big responses, and the big request body in the editor. */
export const CASE_NAMES = ['responses', 'request-body'] as const
export type CaseName = (typeof CASE_NAMES)[number]

/**
 * BENCH_LARGE_CASES=responses,request-body: which cases run (both by default). An unknown
 * name is an error that lists the known ones, not a run that silently measures nothing.
 */
export function chosenCases(value = process.env.BENCH_LARGE_CASES): CaseName[] {
  const names = (value ?? CASE_NAMES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const unknown = names.filter((n) => !(CASE_NAMES as readonly string[]).includes(n))
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `BENCH_LARGE_CASES=${value ?? ''}: ${unknown.length > 0 ? `unknown case ${unknown.map((n) => `"${n}"`).join(', ')}` : 'no case named'}. ` +
        `Use a comma-separated list of ${CASE_NAMES.join(', ')}, or leave it unset for all.`,
    )
  }
  return names as CaseName[]
}
/** `npm run bench -- large --strict`: exit 1 when a budget is missed. */
export const STRICT = process.argv.includes('--strict')
