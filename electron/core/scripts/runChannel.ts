/**
 * The events a run waits for in the worker, between bursts of script execution: answers
 * to pm.sendRequest from the host, timers firing, the host cancelling the run. A script
 * waits for the next one, or for its own deadline, whichever comes first.
 */
import type { SendOutcome } from './scriptMessages'

export type RunEvent =
  | { kind: 'sent'; call: number; outcome: SendOutcome }
  | { kind: 'timer'; id: number }
  | { kind: 'cancelled' }
  | { kind: 'deadline' }

export class RunChannel {
  private queue: RunEvent[] = []
  private wake: (() => void) | null = null
  private seq = 0
  /** pm.sendRequest calls, which newman counts as requests; pm.cookies.jar() calls are not. */
  private calls = 0
  private failedCalls = 0
  private readonly requestCalls = new Set<number>()
  cancelled = false

  constructor(
    /** Posts a script's pm.sendRequest (or pm.cookies.jar() call) to the host. */
    readonly send: (call: number, request: unknown) => void,
    /** Tells the host the script no longer waits for that call. */
    readonly abandon: (call: number) => void,
  ) {}

  /** A call id unique within the run (scripts number their own calls from 1). */
  nextCall(isRequest = true): number {
    const call = ++this.seq
    if (isRequest) {
      this.calls++
      this.requestCalls.add(call)
    }
    return call
  }

  /** pm.sendRequest calls the run made, and how many got no response (newman counts them as requests). */
  get sendRequests(): { total: number; failed: number } {
    return { total: this.calls, failed: this.failedCalls }
  }

  push(event: RunEvent): void {
    if (event.kind === 'cancelled') this.cancelled = true
    if (event.kind === 'sent' && this.requestCalls.delete(event.call) && !event.outcome.ok)
      this.failedCalls++
    this.queue.push(event)
    this.wake?.()
  }

  /** The next event; `deadline` (epoch ms) passing first gives a `deadline` event. */
  async next(deadline: number): Promise<RunEvent> {
    if (this.cancelled) return { kind: 'cancelled' }
    const queued = this.queue.shift()
    if (queued) return queued
    const wait = Math.max(0, deadline - Date.now())
    let timer: NodeJS.Timeout | undefined
    await new Promise<void>((resolve) => {
      this.wake = resolve
      timer = setTimeout(resolve, wait)
    })
    clearTimeout(timer)
    this.wake = null
    if (this.cancelled) return { kind: 'cancelled' }
    return this.queue.shift() ?? { kind: 'deadline' }
  }

  /** Drops events left by a script that ended (answers it no longer waits for). */
  clear(): void {
    this.queue = this.queue.filter((e) => e.kind === 'cancelled')
  }
}
