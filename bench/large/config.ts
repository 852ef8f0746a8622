/** Settings of `npm run bench -- large`, from the environment (see bench/large.ts). */

/** BENCH_LARGE_SIZES=1,10 (MB): the body sizes to measure. */
export const SIZES_MB = (process.env.BENCH_LARGE_SIZES ?? '1,10,50,100')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isFinite(n) && n > 0)
/** BENCH_LARGE_TIMEOUT_S=120: how long one size may take. */
export const TIMEOUT_S = Number(process.env.BENCH_LARGE_TIMEOUT_S ?? 120)
/** BENCH_LARGE_CASES=responses,request-body: which cases run (both by default). */
export const CASES = (process.env.BENCH_LARGE_CASES ?? 'responses,request-body')
  .split(',')
  .map((s) => s.trim())
/** `npm run bench -- large --strict`: exit 1 when a budget is missed. */
export const STRICT = process.argv.includes('--strict')
