import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

// Memory of the renderer and Node processes, read from /proc and sampled.

const SAMPLE_MS = 100

// /proc: peak RSS (VmHWM) per process, reset by writing 5 to clear_refs (Linux >= 4.0).
export function vmHwmBytes(pid: number | 'self'): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}
export function resetHwm(pid: number | 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** Chromium renderer processes started by this bench (descendants of `root` with --type=renderer). */
export function rendererPids(root: number): number[] {
  return chromiumPids(root, '--type=renderer')
}

/** Descendants of `root` whose command line contains `marker` (and 'chrom'). */
export function chromiumPids(root: number, marker: string): number[] {
  const parent = new Map<number, number>()
  const renderers: number[] = []
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (cmdline.includes('chrom') && cmdline.includes(marker)) renderers.push(pid)
    } catch {
      // The process ended while we looked.
    }
  }
  return renderers.filter((pid) => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) return true
    }
    return false
  })
}

/** Samples `sample()` every SAMPLE_MS (never two at once) and keeps the maximum. */
export function peakSampler(sample: () => Promise<number | null> | number | null) {
  let peak: number | null = null
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    void Promise.resolve()
      .then(sample)
      .then((v) => {
        if (v !== null && (peak === null || v > peak)) peak = v
      })
      .catch(() => {})
      .finally(() => (busy = false))
  }, SAMPLE_MS)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}
