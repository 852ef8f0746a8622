import { loadavg } from 'node:os'

/** One timed run: wall-clock time, and the CPU time the process spent in it. */
export interface Sample {
  wallMs: number
  cpuMs: number
}

export interface Stats {
  p50Ms: number
  p99Ms: number
  n: number
}

/** Wall-clock stats, plus CPU-time ones: on a loaded machine, waiting for a core shows in the first only. */
export interface TimedStats extends Stats {
  cpuP50Ms: number
  cpuP99Ms: number
  /** The 1-minute load average as the runs ended (cores busy or waiting). */
  load1: number
}

export const round = (n: number) => Math.round(n * 1000) / 1000

/** Median and 99th percentile of timings, ms. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), n: sorted.length }
}

/** Runs `task` `times` times, timing each by the clock and by the process's CPU time. */
export function time(times: number, task: (i: number) => void): TimedStats {
  const samples: Sample[] = []
  for (let i = 0; i < times; i++) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    task(i)
    const wallMs = performance.now() - started
    const spent = process.cpuUsage(cpu)
    samples.push({ wallMs, cpuMs: (spent.user + spent.system) / 1000 })
  }
  const cpu = stats(samples.map((s) => s.cpuMs))
  return {
    ...stats(samples.map((s) => s.wallMs)),
    cpuP50Ms: cpu.p50Ms,
    cpuP99Ms: cpu.p99Ms,
    load1: round(loadavg()[0]!),
  }
}
