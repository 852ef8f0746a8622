/**
 * QuickJS WebAssembly instances for the sandbox worker, each prepared once and put back
 * to that state before every script.
 *
 * A fresh context for each script, made cheaply: an instance creates a runtime and a
 * context, loads the script API into it (the kernel and the sandbox modules), and then
 * copies its WebAssembly memory (memorySnapshot.ts). Before each script the copy is
 * written back, so each script starts in exactly that new context, and nothing an earlier
 * script did (globals, prototypes, garbage, the allocator's state) survives. The copy is
 * written back while the instance waits in the pool, after the I/O turn that follows its
 * script (InstancePool.give), so a run's next script usually finds it done; if not,
 * reset() writes it before the script starts. It costs ~0.1 ms, where making a context
 * and compiling the API in it costs ~4 ms, and chai ~8 ms more (QuickJS compiles eagerly,
 * and quickjs-emscripten cannot reuse bytecode across contexts); all of it several times
 * that in a new process, while the WebAssembly is cold. Hence chai is added to the
 * pristine state (addChai, then copied with it) only when scripts may use it
 * (InstancePool.expectScripts): a run that says what it will run (a collection run, a
 * command's send) gets it before its first script if one of them names `expect`, and never
 * otherwise; without that, it is added before the first script that names it, or while
 * the instance waits after its second script (a process that keeps running scripts).
 * A script that reaches pm.expect without naming it loads chai into its own context.
 * The app's worker adds it at start, off the main thread, for the scripts a user may type
 * next (scriptWorker.ts). Reusing one
 * context for a whole run (as Postman's sandbox does) was measured and rejected: a script
 * costs the same CPU with or without the copy written back, and a context scripts share
 * leaks prototypes and globals between them. The invariants that make this sound: no
 * JavaScript-side handle made after the copy outlives a script (all are disposed before
 * the next restore; the kernel and its entry points, taken before it, last), no host
 * function is made after it, and Math.random is reseeded per run (sandbox/kernel.ts).
 *
 * The memory limit is a cap on the WebAssembly memory, not only QuickJS's own limit:
 * built for Emscripten, QuickJS counts each allocation as a few bytes of overhead (it
 * cannot ask the allocator for sizes), so `runtime.setMemoryLimit(64 MB)` let a script
 * grow the heap to 2 GB (quickjs-emscripten issues 255 and 271). Each instance has its own
 * `WebAssembly.Memory` whose maximum is the limit plus its start-up size: past it the
 * allocator fails and QuickJS throws "out of memory".
 *
 * An instance runs one script at a time. One is kept warm; another is made (~25 ms) when
 * runs overlap, e.g. one waiting on pm.sendRequest. An instance that hit the memory limit
 * or failed inside is dropped, as is one whose memory grew, so memory returns to where it
 * started.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import releaseSync from '@jitl/quickjs-wasmfile-release-sync'
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
} from 'quickjs-emscripten-core'
import { takeSnapshot, type MemorySnapshot } from './memorySnapshot'
import { KERNEL_SOURCE } from './sandbox/kernel'
import { readLayout, type WasmLayout } from './wasmLayout'
import { moduleSource } from './sandbox/modules'
import { SCRIPT_FILE, wrapScript, wrapScriptNested } from './scriptWrap'

/**
 * The WebAssembly API as used here. Node has it, but the main process's TypeScript config
 * has no DOM library, which is where its types live.
 */
interface Wasm {
  Memory: new (limits: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer }
  Module: new (bytes: Uint8Array) => object
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly

const PAGE = 64 * 1024
/** What the Emscripten build starts with (its INITIAL_MEMORY): data, stack, first heap. */
const START_BYTES = 16 * 1024 * 1024
/** Compiling ahead stops past this (wall clock): compiling runs no script's own limits. */
const PRECOMPILE_MS = 2_000

/** The kernel's functions the worker calls for each script (sandbox/kernel.ts). */
const KERNEL_ENTRIES = ['begin', 'explain', 'fire', 'deliver', 'finish'] as const
export type KernelEntry = (typeof KERNEL_ENTRIES)[number]

/** The script running in an instance, which its host function and interrupt handler serve. */
export interface InstanceHooks {
  hostCall(op: string, arg: string): QuickJSHandle | undefined
  shouldInterrupt(): boolean
}

/** The WebAssembly memory's maximum for a script memory limit: the limit on top of the start. */
const capBytes = (memoryBytes: number) => Math.ceil((START_BYTES + memoryBytes) / PAGE) * PAGE

let compiled: { module: object; layout: WasmLayout | null } | null = null

/** QuickJS's compiled WebAssembly and its memory layout, once per worker. */
function wasmModule(): { module: object; layout: WasmLayout | null } {
  if (!compiled) {
    const path = createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm')
    const bytes = readFileSync(path)
    compiled = { module: new wasm.Module(bytes), layout: readLayout(bytes) }
  }
  return compiled
}

export class SandboxInstance {
  /** The script being run, if any. */
  current: InstanceHooks | null = null
  /** Why the instance must not run another script (it failed inside, or ran out of memory). */
  spoiled: string | null = null
  private snapshot!: MemorySnapshot

  private constructor(
    readonly rt: QuickJSRuntime,
    readonly ctx: QuickJSContext,
    readonly kernel: QuickJSHandle,
    /** The kernel's entry points, taken before the copy so that they last (see the header). */
    readonly entries: Record<KernelEntry, QuickJSHandle>,
    readonly memory: { readonly buffer: ArrayBuffer },
    /** The script memory limit the instance is capped for. */
    readonly memoryBytes: number,
    /** The stack limit it was made with. */
    readonly stackBytes: number,
  ) {}

  /** A new instance, its API loaded and its memory copied. */
  static async create(memoryBytes: number, stackBytes: number): Promise<SandboxInstance> {
    const memory = new wasm.Memory({
      initial: START_BYTES / PAGE,
      maximum: capBytes(memoryBytes) / PAGE,
    })
    // `as never`: the option types are DOM's WebAssembly types (see Wasm above).
    const variant = newVariant(releaseSync, {
      wasmModule: wasmModule().module as never,
      wasmMemory: memory as never,
    })
    const quickjs = await newQuickJSWASMModuleFromVariant(variant)
    const rt = quickjs.newRuntime()
    rt.setMemoryLimit(memoryBytes)
    rt.setMaxStackSize(stackBytes)
    const ctx = rt.newContext()
    let instance: SandboxInstance | null = null
    rt.setInterruptHandler(() => instance?.current?.shouldInterrupt() ?? false)
    rt.setModuleLoader((name) => ({
      error: new Error(
        `import("${name}") is not supported by Courier: scripts cannot load modules`,
      ),
    }))
    const host = ctx.newFunction('host', (op, arg) => {
      const [name, text] = [ctx.getString(op), arg ? ctx.getString(arg) : '']
      if (instance?.current) return instance.current.hostCall(name, text)
      if (name === 'load') return loadModule(ctx, text)
      throw new Error(`The sandbox kernel called ${name} while no script runs.`)
    })
    const factory = ctx.evalCode(KERNEL_SOURCE, 'courier-kernel.js').unwrap()
    const kernel = ctx.callFunction(factory, ctx.undefined, host).unwrap()
    factory.dispose()
    host.dispose()
    // Made now so that no later call makes it (it would not survive a restore).
    void ctx.global
    const entries = Object.fromEntries(
      KERNEL_ENTRIES.map((name) => [name, ctx.getProp(kernel, name)]),
    ) as Record<KernelEntry, QuickJSHandle>
    instance = new SandboxInstance(rt, ctx, kernel, entries, memory, memoryBytes, stackBytes)
    instance.snapshot = takeSnapshot(memory, wasmModule().layout)
    return instance
  }

  /** Scripts run so far. */
  private scriptsRun = 0
  /** Modules addModules() tried (a failed one is not tried again), and those it kept. */
  private readonly modulesTried = new Set<string>()
  private readonly modulesKept = new Set<string>()
  /** True once a script ran since the memory was last put back (or made). */
  private used = false
  /** True from reset() until the pool has it back. */
  private busy = false

  /**
   * Makes the instance ready for a script: its memory put back to the state it was made
   * in, unless that was already done while it waited in the pool (tidy()).
   */
  reset(stackBytes: number): void {
    if (this.used) this.snapshot.restore()
    this.used = true
    this.scriptsRun++
    this.busy = true
    if (stackBytes !== this.stackBytes) this.rt.setMaxStackSize(stackBytes)
  }

  /** Back from a script: the pool may tidy it. */
  release(): void {
    this.current = null
    this.busy = false
  }

  /**
   * Puts the memory back now, if a script used it and none is using it. The pool calls
   * this after the event loop's I/O turn that follows a script, while a run waits for its
   * next response, so the copy is not made on the way to the next script.
   */
  tidy(): void {
    if (this.busy || !this.used || this.spoiled) return
    this.snapshot.restore()
    this.used = false
  }

  /**
   * True when chai should now be added to the pristine state, when the run said nothing of
   * its scripts: a second script ran, so this process keeps running scripts.
   */
  get wantsChai(): boolean {
    return !this.modulesTried.has('chai') && this.scriptsRun >= 2
  }

  /**
   * Compiles chai (pm.expect, ~8 ms; many times that while the WebAssembly is still cold)
   * into the pristine state and copies that state anew, so every later script starts with
   * it. See addModules.
   */
  addChai(): void {
    this.addModules(['chai'])
  }

  /**
   * Compiles these sandbox modules (chai ~15 ms; the libraries of sandbox/libraries.ts:
   * lodash ~50 ms, crypto-js ~40 ms, moment ~20 ms) into the pristine state and copies that state
   * anew, so every later script starts with them. Only on a pristine instance no script is
   * using; nothing else changes: each module is what a script's first use would load, and
   * no host function or lasting handle is made. One that fails is left out (its state
   * written back) and stays lazy; none is tried twice.
   */
  addModules(names: readonly string[]): void {
    if (this.busy || this.used || this.spoiled) return
    const { ctx } = this
    for (const name of names) {
      if (this.modulesTried.has(name)) continue
      this.modulesTried.add(name)
      const preload = ctx.getProp(this.kernel, 'preload')
      const handle = ctx.newString(name)
      const result = ctx.callFunction(preload, ctx.undefined, handle)
      preload.dispose()
      handle.dispose()
      if (result.error) {
        result.error.dispose()
        this.snapshot.restore()
        continue
      }
      result.value.dispose()
      this.snapshot = takeSnapshot(this.memory, wasmModule().layout)
      this.modulesKept.add(name)
    }
  }

  /** True once this module is in the state scripts start from. */
  keeps(name: string): boolean {
    return this.modulesKept.has(name)
  }

  /** The run's scripts compiled into the pristine state (precompile), by source. */
  private readonly compiled = new Map<string, QuickJSHandle>()
  /** The list precompile was last given, so a take() with the same list costs nothing. */
  private compiledFrom: readonly string[] | null = null

  /**
   * Compiles these scripts into the pristine state and copies that state anew, so a script
   * among them starts with a call rather than a compile (sandboxScript.ts). Only on a
   * pristine instance no script is using, as addChai. The compiled functions are handles
   * made before the copy, as the kernel's entry points are, so every restore brings them
   * back as they were; they are never disposed (they go with the instance). A script that
   * does not compile is left out: it fails as it runs, with its error, as before.
   *
   * Compiling evaluates the wrapped text, which for a script that breaks out of its
   * function would run code, once, into the state every script of the run starts from.
   * So a script is first compiled one block deeper without running (wrapScriptNested),
   * and left out if that fails, which stops the plain break-outs; a crafted one can still
   * pass both, so this is done only where every script is of the same run, in the process
   * of `courier run` (InstancePool.expectScripts), never in the app's long-lived worker.
   * Past PRECOMPILE_MS the rest is left out, so nothing here can hang the run.
   */
  precompile(sources: readonly string[]): void {
    if (this.busy || this.used || this.spoiled || this.compiledFrom === sources) return
    this.compiledFrom = sources
    const fresh = sources.filter((source) => !this.compiled.has(source))
    if (fresh.length === 0) return
    const until = performance.now() + PRECOMPILE_MS
    this.current = {
      shouldInterrupt: () => performance.now() > until,
      hostCall: () => {
        throw new Error('No script runs while scripts are compiled ahead.')
      },
    }
    try {
      for (const source of fresh) {
        if (performance.now() > until) break
        const check = this.ctx.evalCode(wrapScriptNested(source), SCRIPT_FILE, {
          compileOnly: true,
        })
        const compiles = !check.error
        check.dispose()
        if (!compiles) continue
        const result = this.ctx.evalCode(wrapScript(source), SCRIPT_FILE)
        if (result.error) result.error.dispose()
        else this.compiled.set(source, result.value)
      }
    } finally {
      this.current = null
    }
    this.snapshot = takeSnapshot(this.memory, wasmModule().layout)
  }

  /** The script compiled into the pristine state, if it is one of those precompile was given. */
  compiledScript(source: string): QuickJSHandle | undefined {
    return this.compiled.get(source)
  }

  /** True once chai is in the state scripts start from. */
  get hasChai(): boolean {
    return this.modulesKept.has('chai')
  }

  /** True when the next script will start from the pristine state without a copy (tests). */
  get pristine(): boolean {
    return !this.used
  }

  /** Bytes the reset writes (for the bench). */
  get resetBytes(): number {
    return this.snapshot.copiedBytes
  }

  /**
   * True when the memory grew close to its cap (Emscripten stops growing a few percent
   * short of it): a `null` thrown then is QuickJS out of memory, unable even to make its
   * "out of memory" error.
   */
  get nearCap(): boolean {
    return this.memory.buffer.byteLength >= capBytes(this.memoryBytes) * 0.75
  }

  /** True when the instance's memory grew past twice its start (a script used a lot). */
  get grown(): boolean {
    return this.memory.buffer.byteLength > START_BYTES * 2
  }
}

/** A sandbox module, compiled in this context; its value (a function of K) goes to the kernel. */
export function loadModule(ctx: QuickJSContext, name: string): QuickJSHandle {
  const source = moduleSource(name)
  if (source === undefined) throw new Error(`No sandbox module ${name}.`)
  const result = ctx.evalCode(source, `courier-${name}.js`)
  if (result.error) throw result.error
  return result.value
}
