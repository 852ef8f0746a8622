import type { ClientRequest } from 'node:http'
import type { Timings } from '../../../shared/model/response'
import { socketPhases } from './timedAgents'

/** Milliseconds rounded to 1/100 and never negative, as the Timings schema requires. */
const ms = (n: number) => Math.max(0, Math.round(n * 100) / 100)

/**
 * The moments of one exchange (performance.now() ms), marked by the engine as they happen,
 * turned into its Timings at the end. Starts when made.
 */
export class ExchangeClock {
  private readonly startedAt = performance.now()
  /** When the final hop started: a redirect restarts it, so firstByte is the final server's. */
  private hopStartedAt = this.startedAt
  private respondedAt = this.startedAt
  private endedAt = this.startedAt

  /** A redirect is being followed: a new hop starts now. */
  hop(): void {
    this.hopStartedAt = performance.now()
  }

  /** The status line and headers of the final response have arrived. */
  responded(): void {
    this.respondedAt = performance.now()
  }

  /** The last byte of the body has been received. */
  ended(): void {
    this.endedAt = performance.now()
  }

  /**
   * Phases of the final hop from its socket's record (see timedAgents); a reused socket
   * skipped DNS, connect and TLS, so they are 0 and the request left when the hop started.
   */
  timings(request: ClientRequest): Timings {
    const phases = request.reusedSocket ? undefined : socketPhases(request.socket)
    let dns = 0
    let connect = 0
    let tls = 0
    let sentAt = this.hopStartedAt
    if (phases) {
      const lookupEnd = phases.lookupAt ?? phases.createdAt
      dns = lookupEnd - phases.createdAt
      connect = (phases.connectAt ?? lookupEnd) - lookupEnd
      tls = phases.secureAt && phases.connectAt ? phases.secureAt - phases.connectAt : 0
      sentAt = phases.secureAt ?? phases.connectAt ?? this.hopStartedAt
    }
    return {
      dns: ms(dns),
      connect: ms(connect),
      tls: ms(tls),
      firstByte: ms(this.respondedAt - sentAt),
      download: ms(this.endedAt - this.respondedAt),
      total: ms(this.endedAt - this.startedAt),
    }
  }
}
