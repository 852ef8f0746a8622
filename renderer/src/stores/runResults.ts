import { executionFailed, type RunExecution } from '../../../shared/model/run'

/**
 * What a run has done so far, as the Runner's table reads it: every execution as listed
 * by the stream (no bodies), with the failed ones indexed for "Failures only". A plain
 * object, never made reactive: a run of 10,000 requests would otherwise be 10,000 deep
 * proxies. The store bumps a counter when it grows.
 */
export class RunResults {
  private readonly executions: RunExecution[] = []
  /** Positions in `executions` of the failed ones. */
  private readonly failed: number[] = []
  testsPassed = 0
  testsFailed = 0

  add(execution: RunExecution): void {
    if (executionFailed(execution)) this.failed.push(this.executions.length)
    this.executions.push(execution)
    for (const test of execution.checks.tests) {
      if (test.passed) this.testsPassed++
      else this.testsFailed++
    }
  }

  /** Executions received. */
  get done(): number {
    return this.executions.length
  }

  /** Executions that failed (an error, a failed test or a script that threw). */
  get failures(): number {
    return this.failed.length
  }

  /** Rows the table shows. */
  count(failuresOnly: boolean): number {
    return failuresOnly ? this.failed.length : this.executions.length
  }

  /** The table's row at `position`. */
  at(position: number, failuresOnly: boolean): RunExecution | undefined {
    const index = failuresOnly ? this.failed[position] : position
    return index === undefined ? undefined : this.executions[index]
  }

  /** The requests that failed at least once, in the order they first ran (for Rerun failed). */
  failedRequests(): string[] {
    return [...new Set(this.failed.map((i) => this.executions[i]!.item.id))]
  }
}

/** Tests passed and failed of one execution, for its row. */
export function testCounts(execution: RunExecution): { passed: number; failed: number } {
  const passed = execution.checks.tests.filter((t) => t.passed).length
  return { passed, failed: execution.checks.tests.length - passed }
}
