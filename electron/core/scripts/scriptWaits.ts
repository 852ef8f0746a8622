/**
 * What a script waits for besides its own code: pm.sendRequest calls in flight (and
 * pm.cookies.jar() calls, which take the same way to the host) and timers.
 * The kernel numbers each of its own; the run numbers calls run-wide (runChannel.ts).
 * Bounded, as they are held outside the sandbox: at most 1,000 of each, and requests in
 * flight holding no more characters than the script's memory limit in bytes.
 */
import { isJarCall } from './jarRelay'
import type { RunChannel } from './runChannel'

const MAX_PENDING = 1_000
/** The longest delay Node's setTimeout takes. */
const MAX_TIMER_MS = 2 ** 31 - 1

export class ScriptWaits {
  private readonly sends = new Map<number, { local: number; chars: number }>()
  private sendChars = 0
  private readonly timers = new Map<number, { local: number; handle: NodeJS.Timeout }>()
  private timerSeq = 0

  constructor(
    private readonly channel: RunChannel,
    private readonly maxChars: number,
  ) {}

  get idle(): boolean {
    return this.sends.size === 0 && this.timers.size === 0
  }

  /** What is still awaited, for the time-limit message. */
  waitingFor(): string {
    const what = [this.sends.size > 0 && 'pm.sendRequest', this.timers.size > 0 && 'setTimeout']
    return what.filter(Boolean).join(' and ')
  }

  /** Posts the kernel's `[local, request]` to the host; returns why it is refused, or null. */
  send(arg: string): string | null {
    if (this.sends.size >= MAX_PENDING || this.sendChars + arg.length > this.maxChars) {
      return 'Too many pm.sendRequest calls waiting at once.'
    }
    const [local, request] = JSON.parse(arg) as [number, unknown]
    const call = this.channel.nextCall(!isJarCall(request))
    this.sends.set(call, { local, chars: arg.length })
    this.sendChars += arg.length
    this.channel.send(call, request)
    return null
  }

  /** The kernel's number for the call an answer is for; undefined when no longer awaited. */
  answered(call: number): number | undefined {
    const sent = this.sends.get(call)
    if (!sent) return undefined
    this.sends.delete(call)
    this.sendChars -= sent.chars
    return sent.local
  }

  /** Starts the kernel's `[local, ms]` timer; returns why it is refused, or null. */
  timer(arg: string): string | null {
    if (this.timers.size >= MAX_PENDING) return 'Too many timers waiting at once.'
    const [local, ms] = JSON.parse(arg) as [number, unknown]
    const id = ++this.timerSeq
    const delay = Math.min(Math.max(0, Number(ms) || 0), MAX_TIMER_MS)
    const handle = setTimeout(() => this.channel.push({ kind: 'timer', id }), delay)
    this.timers.set(id, { local, handle })
    return null
  }

  /** The kernel's number for a timer that fired; undefined when it was cleared. */
  fired(id: number): number | undefined {
    const timer = this.timers.get(id)
    this.timers.delete(id)
    return timer?.local
  }

  /** clearTimeout(local). */
  clearTimer(local: number): void {
    for (const [id, timer] of this.timers) {
      if (timer.local !== local) continue
      clearTimeout(timer.handle)
      this.timers.delete(id)
    }
  }

  /** The script ended: the host stops the requests still in flight, and no timer fires. */
  abandonAll(): void {
    for (const call of this.sends.keys()) this.channel.abandon(call)
    for (const timer of this.timers.values()) clearTimeout(timer.handle)
    this.sends.clear()
    this.timers.clear()
    this.sendChars = 0
  }
}
