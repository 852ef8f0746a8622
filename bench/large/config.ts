/** Settings of `npm run bench -- large`, from the environment (see bench/large.ts). */

/** BENCH_LARGE_SIZES=1,10 (MB): the body sizes to measure. */
export const SIZES_MB = (process.env.BENCH_LARGE_SIZES ?? '1,10,50,100')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isFinite(n) && n > 0)
/** BENCH_LARGE_TIMEOUT_S=120: how long one size may take. */
export const TIMEOUT_S = Number(process.env.BENCH_LARGE_TIMEOUT_S ?? 120)
