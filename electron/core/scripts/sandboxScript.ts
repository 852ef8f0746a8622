/**
 * One script in a fresh QuickJS context, in the worker: the sandbox instance is put back
 * to its pristine state (see sandboxInstance.ts), given the run's data, and runs the
 * script. The CPU budget counts this script's time in QuickJS only.
 *
 * The script runs inside `(async function () { ... })` so that top-level `await` and
 * `return` work; errors name the script's own line. After the body, the worker keeps
 * running promise jobs, pm.sendRequest answers and timers until nothing is left, the CPU
 * budget is spent (interrupt handler), or the wall-clock deadline passes.
 */
import type { QuickJSHandle } from 'quickjs-emscripten-core'
import { limitMessages } from './limitMessages'
import type { RunChannel } from './runChannel'
import type { RunState } from './runState'
import {
  loadModule,
  type InstanceHooks,
  type KernelEntry,
  type SandboxInstance,
} from './sandboxInstance'
import type { SendOutcome, WorkerRunInput } from './scriptMessages'
import { dynamicValue } from './scriptDynamicValues'
import { ScriptWaits } from './scriptWaits'
import { SCRIPT_FILE, wrapScript } from './scriptWrap'

const LINE_IN_STACK = /script\.js:(\d+):(\d+)/

/** What a script threw, as the kernel's `explain` describes it: [text, stack, limit]. */
type Explained = [string, string, string]

/**
 * The bytes of the script's input as one JSON text, the body written into the response
 * (`,"body":"..."`), which is what the memory check has always counted; computed exactly
 * only when the body could bring it past `atMost` (escaping at most sextuples a byte).
 */
function sizeAsJson(json: string, body: string | null, atMost: number): number {
  // The input comes in parts after a \x01 each (runScripts.ts), where it was one JSON text,
  // whose keys, braces and quotes made it 52 bytes longer: counted as it was.
  const bytes = Buffer.byteLength(json) + 52
  if (body === null) return bytes
  const raw = Buffer.byteLength(body)
  if (bytes + 10 + 6 * raw <= atMost) return bytes + 10 + raw
  return bytes + 8 + Buffer.byteLength(JSON.stringify(body))
}

export class ScriptExecution implements InstanceHooks {
  private begun = false
  private cpuUsed = 0
  private sliceStart = 0
  /** Which limit stopped the script from inside QuickJS, if one did. */
  private interrupted: 'cpu' | 'time' | null = null
  /** The wall-clock deadline, epoch ms. */
  private deadline = 0
  private failure: Explained | null = null
  private readonly waits: ScriptWaits

  constructor(
    private readonly instance: SandboxInstance,
    private readonly script: { name: string; source: string },
    private readonly run: WorkerRunInput,
    private readonly state: RunState,
    private readonly channel: RunChannel,
  ) {
    this.waits = new ScriptWaits(channel, run.limits.memoryBytes)
  }

  private get ctx() {
    return this.instance.ctx
  }

  private get rt() {
    return this.instance.rt
  }

  /**
   * Runs the script to its end; what it does goes into the run state. `body`: the
   * response's body, which the kernel puts into the input's response (null: none).
   */
  async execute(inputJson: string, body: string | null = null): Promise<void> {
    const { limits } = this.run
    this.state.beginScript()
    const inputBytes = sizeAsJson(inputJson, body, limits.memoryBytes / 3)
    if (inputBytes * 3 > limits.memoryBytes) {
      this.fail(limitMessages.input(limits, inputBytes), 'memory')
      return
    }
    this.deadline = Date.now() + limits.timeMs
    try {
      this.instance.reset(limits.stackBytes)
      this.instance.current = this
      await this.drive(inputJson, body)
    } catch (error) {
      // Thrown by the WebAssembly itself (its own stack overflowed, or it aborted): this
      // instance is not trusted again.
      const message = error instanceof Error ? error.message : String(error)
      this.instance.spoiled = message
      if (!this.state.error) {
        const stack = /call stack/i.test(message)
        this.fail(
          stack ? limitMessages.stack(limits) : `The script sandbox failed: ${message}`,
          stack ? 'memory' : undefined,
        )
      }
    } finally {
      this.cleanUp()
    }
  }

  shouldInterrupt(): boolean {
    if (this.instance.spoiled) return true
    if (performance.now() - this.sliceStart + this.cpuUsed > this.run.limits.cpuMs) {
      this.interrupted ??= 'cpu'
    } else if (Date.now() > this.deadline) this.interrupted ??= 'time'
    return this.interrupted !== null
  }

  private async drive(inputJson: string, body: string | null): Promise<void> {
    const { ctx } = this
    const begin = [ctx.newString(inputJson), ...(body === null ? [] : [ctx.newString(body)])]
    this.callKernel('begin', ...begin)
    if (this.state.error) return
    this.begun = true

    // A script of the run compiled ahead (InstancePool.expectScripts) is only called; it
    // belongs to the instance and is not disposed.
    const ahead = this.instance.compiledScript(this.script.source)
    let script = ahead
    if (!script) {
      const compiled = this.inVm(() => ctx.evalCode(wrapScript(this.script.source), SCRIPT_FILE))
      if (compiled.error) return this.thrown(compiled.error)
      script = compiled.value
    }
    const fn = script
    const called = this.inVm(() => ctx.callFunction(fn, ctx.undefined))
    if (!ahead) fn.dispose()
    if (called.error) return this.thrown(called.error)
    const done = called.value
    try {
      await this.settle()
      if (this.state.error) return
      const state = ctx.getPromiseState(done)
      if (state.type === 'rejected') this.thrown(state.error)
      else if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose()
      if (!this.state.error) this.finish()
    } finally {
      done.dispose()
    }
  }

  /** Runs promise jobs, then waits for answers and timers, until none is left or a limit is hit. */
  private async settle(): Promise<void> {
    const { limits } = this.run
    for (;;) {
      const jobs = this.inVm(() => this.rt.executePendingJobs(-1))
      if (jobs.error) return this.thrown(jobs.error)
      if (this.limitHit()) return
      if (this.waits.idle) return
      const event = await this.channel.next(this.deadline)
      if (event.kind === 'deadline' || event.kind === 'cancelled') {
        this.fail(limitMessages.time(limits, this.waits.waitingFor()), 'time')
        return
      }
      if (event.kind === 'sent') this.deliver(event.call, event.outcome)
      else this.fire(event.id)
      if (this.limitHit()) return
    }
  }

  /** The worker's side of the kernel's `host(op, arg)`. */
  hostCall(op: string, arg: string): QuickJSHandle | undefined {
    try {
      return this.hostOp(op, arg)
    } catch (error) {
      // Not a QuickJS error (those are handles): the WebAssembly failed under a nested call.
      // The script stops at once (interrupt handler), and the instance is dropped.
      if (error instanceof Error) this.instance.spoiled = error.message
      throw error
    }
  }

  private hostOp(op: string, arg: string): QuickJSHandle | undefined {
    switch (op) {
      case 'test':
        return void this.state.test(JSON.parse(arg) as unknown[])
      case 'log': {
        const [level, text] = JSON.parse(arg) as [unknown, unknown]
        return void this.state.log(level, text)
      }
      case 'var':
        return this.refuseIf(this.state.variable(JSON.parse(arg) as unknown[]))
      case 'next': {
        const name = JSON.parse(arg) as unknown
        this.state.nextRequest = typeof name === 'string' ? name.slice(0, 1000) : null
        return
      }
      case 'skip':
        this.state.skipRequest = true
        return
      case 'fail':
        this.failure ??= JSON.parse(arg) as Explained
        return
      case 'load':
        return loadModule(this.ctx, arg)
      case 'dynamic': {
        const value = dynamicValue(arg)
        return value === undefined ? undefined : this.ctx.newString(value)
      }
      case 'send':
        return this.refuseIf(this.waits.send(arg))
      case 'timer':
        return this.refuseIf(this.waits.timer(arg))
      case 'untimer':
        return void this.waits.clearTimer(Number(arg))
    }
    return this.throwError(`Unknown sandbox call ${op}.`)
  }

  private throwError(message: string): never {
    throw this.ctx.newError(message)
  }

  /** Throws `refused` into the script, if there is one. */
  private refuseIf(refused: string | null): undefined {
    if (refused !== null) this.throwError(refused)
    return undefined
  }

  private deliver(call: number, outcome: SendOutcome): void {
    const local = this.waits.answered(call)
    if (local === undefined) return
    let json = JSON.stringify(outcome)
    if (Buffer.byteLength(json) * 3 > this.run.limits.memoryBytes) {
      const message = limitMessages.input(this.run.limits, Buffer.byteLength(json))
      json = JSON.stringify({ ok: false, error: { message } } satisfies SendOutcome)
    }
    this.callKernel('deliver', this.ctx.newNumber(local), this.ctx.newString(json))
  }

  private fire(id: number): void {
    const local = this.waits.fired(id)
    if (local !== undefined) this.callKernel('fire', this.ctx.newNumber(local))
  }

  private callKernel(name: KernelEntry, ...args: QuickJSHandle[]): void {
    const fn = this.instance.entries[name]
    const result = this.inVm(() => this.ctx.callFunction(fn, this.ctx.undefined, ...args))
    args.forEach((h) => h.dispose())
    if (result.error) this.thrown(result.error)
    else result.value.dispose()
  }

  /** The request as the script left it, and Postman's legacy `tests` entries. */
  private finish(): void {
    const fn = this.instance.entries.finish
    const result = this.inVm(() => this.ctx.callFunction(fn, this.ctx.undefined))
    if (result.error) return this.thrown(result.error)
    const [request, legacy] = JSON.parse(this.ctx.getString(result.value)) as [
      WorkerRunInput['request'] | null,
      [string, boolean][],
    ]
    result.value.dispose()
    if (request) this.state.request = request
    this.state.legacyTests(legacy)
  }

  /** A thrown value (the handle is disposed): the script's error, unless a limit explains it better. */
  private thrown(error: QuickJSHandle): void {
    let explained: Explained = ['The script failed', '', '']
    if (!this.interrupted && this.begun) {
      const fn = this.instance.entries.explain
      const result = this.inVm(() => this.ctx.callFunction(fn, this.ctx.undefined, error))
      if (!result.error) {
        explained = JSON.parse(this.ctx.getString(result.value)) as Explained
        result.value.dispose()
      } else result.error.dispose()
    } else if (!this.begun) {
      const dumped = this.ctx.dump(error) as { name?: string; message?: string; stack?: string }
      const limit = dumped.name === 'InternalError' ? (dumped.message ?? '') : ''
      explained = [`${dumped.name ?? 'Error'}: ${dumped.message ?? ''}`, dumped.stack ?? '', limit]
    }
    error.dispose()
    this.failure ??= explained
    this.limitHit()
  }

  /** Turns a stop into the run's error: a limit first, else what the script threw. */
  private limitHit(): boolean {
    const { limits } = this.run
    if (this.interrupted === 'cpu') return this.fail(limitMessages.cpu(limits), 'cpu')
    if (this.interrupted === 'time') return this.fail(limitMessages.time(limits, ''), 'time')
    if (!this.failure) return false
    const [text, stack, limit] = this.failure
    if (limit === 'out of memory' || (limit === 'null' && this.instance.nearCap)) {
      this.instance.spoiled = 'out of memory'
      return this.fail(limitMessages.memory(limits), 'memory')
    }
    if (limit === 'stack overflow') return this.fail(limitMessages.stack(limits), 'memory')
    const at = LINE_IN_STACK.exec(stack)
    // The wrapper's line comes first; an error at its closing line (a block left open) is
    // reported at the script's last line.
    const lines = this.script.source.split('\n').length
    const line = at ? Math.min(Number(at[1]) - 1, lines) : 0
    return this.fail(text, undefined, line >= 1 ? line : undefined, at ? Number(at[2]) : undefined)
  }

  private fail(
    message: string,
    limit?: 'memory' | 'cpu' | 'time',
    line?: number,
    column?: number,
  ): true {
    this.state.error ??= {
      script: this.script.name,
      message,
      ...(line !== undefined && { line, column }),
      ...(limit && { limit }),
    }
    return true
  }

  private inVm<T>(run: () => T): T {
    this.sliceStart = performance.now()
    try {
      return run()
    } finally {
      this.cpuUsed += performance.now() - this.sliceStart
    }
  }

  /**
   * The start of a test whose function a limit or an uncatchable error stopped: the kernel
   * keeps a test's start for the host call of its end (sandbox/kernel.ts), so it was never
   * reported. Read as data (a property), which runs nothing in QuickJS.
   */
  private unreportedStart(): void {
    if (this.instance.spoiled && this.instance.spoiled !== 'out of memory') return
    try {
      const handle = this.ctx.getProp(this.instance.kernel, 'unreported')
      const start = this.ctx.typeof(handle) === 'string' ? this.ctx.getString(handle) : ''
      handle.dispose()
      if (start !== '') this.state.test(JSON.parse(start) as unknown[])
    } catch {
      // Out of memory even for that: the run's error says why the script stopped.
    }
  }

  /** Ends what the script left waiting. */
  private cleanUp(): void {
    if (this.interrupted || this.failure) this.unreportedStart()
    this.instance.current = null
    this.waits.abandonAll()
    this.channel.clear()
    this.state.settleUnfinished()
  }
}
