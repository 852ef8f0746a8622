import { namesChai } from './chaiHint'
import { librariesNamed } from './libraryHint'
import { SandboxInstance } from './sandboxInstance'
import { precompilable } from './scriptWrap'

/** Idle instances kept for the next scripts. */
const KEEP_IDLE = 2

/**
 * The sandbox instances of a thread (sandboxInstance.ts): one kept warm, another made when
 * runs overlap, a dropped one replaced ahead of the next script. What a run says of its
 * scripts (expectScripts) is prepared in each instance's pristine state before its first
 * script: chai, when one names pm.expect, and the scripts themselves, compiled.
 */
export class InstancePool {
  private idle: SandboxInstance[] = []
  /** A replacement being made for a dropped instance, so the next script need not wait for it. */
  private making: Promise<SandboxInstance | null> | null = null
  /**
   * What the run said of its scripts (expectScripts): true, one names chai; false, none
   * does; null, nothing said.
   */
  private chaiExpected: boolean | null = null
  /** The run's scripts to compile into each instance's pristine state (scriptWrap.ts). */
  private ahead: readonly string[] = []
  /** The libraries the run's scripts name (libraryHint.ts), added like chai. */
  private librariesExpected: readonly string[] = []

  /**
   * The scripts the run now starting will run. If one names chai it is added to the
   * pristine state before the run's first script (and to any instance made for the run);
   * if none does it is never added ahead, not even after many scripts, and a script that
   * reaches it anyway loads it into its own context. The scripts that will run more than
   * once (a level's script, listed for each request under it, or any over `iterations` > 1)
   * are compiled into it too, so each run of them starts with a call, not a compile (see
   * scriptWrap.ts and SandboxInstance.precompile, which says why only `courier run`, whose
   * process runs one collection, says this). The last run's word holds.
   */
  expectScripts(sources: readonly string[], iterations = 1): void {
    this.chaiExpected = sources.some(namesChai)
    this.librariesExpected = [...new Set(sources.flatMap(librariesNamed))]
    this.ahead = precompilable(sources, iterations)
  }

  /**
   * An instance for one script: a kept one with the same memory cap, or a new one.
   * `withChai`: the script names pm.expect, so chai is added to the instance's pristine
   * state first if it is not there yet (a script loading it into its own context would
   * pay the same, and could find prototypes it changed itself); so it is for every script
   * of a run that expects chai. `libraries`: those the script names (libraryHint.ts),
   * added the same way, as are those any script of the run names.
   */
  async take(
    memoryBytes: number,
    stackBytes: number,
    withChai = false,
    libraries: readonly string[] = [],
  ): Promise<SandboxInstance> {
    const instance = await this.takeAny(memoryBytes, stackBytes)
    const wanted = [
      ...(withChai || this.chaiExpected === true ? ['chai'] : []),
      ...libraries,
      ...this.librariesExpected,
    ].filter((name) => !instance.keeps(name))
    if (wanted.length > 0) {
      instance.tidy()
      instance.addModules(wanted)
    }
    if (this.ahead.length > 0) {
      instance.tidy()
      instance.precompile(this.ahead)
    }
    return instance
  }

  private async takeAny(memoryBytes: number, stackBytes: number): Promise<SandboxInstance> {
    const at = this.idle.findIndex((i) => i.memoryBytes === memoryBytes)
    if (at >= 0) return this.idle.splice(at, 1)[0]!
    const made = await this.making
    if (made && made.memoryBytes === memoryBytes && this.idle.includes(made)) {
      this.idle.splice(this.idle.indexOf(made), 1)
      return made
    }
    return SandboxInstance.create(memoryBytes, stackBytes)
  }

  /** Back after a script: kept if it is sound and did not grow; dropped and replaced otherwise. */
  give(instance: SandboxInstance): void {
    instance.release()
    if (this.idle.length >= KEEP_IDLE) return
    if (!instance.spoiled && !instance.grown) {
      this.idle.push(instance)
      // Not now: the caller is on its way to its next send. take() resets it anyway if a
      // script needs it first; tidy() does nothing to an instance back in use.
      // Unref'd: a command that is done exits without them.
      setImmediate(() => {
        instance.tidy()
        if (this.chaiExpected ?? instance.wantsChai) instance.addChai()
      }).unref()
      return
    }
    if (this.idle.length > 0 || this.making) return
    // It never fails: a failure shows when a script next needs an instance.
    this.making = SandboxInstance.create(instance.memoryBytes, instance.stackBytes)
      .then(
        (made) => {
          if (this.idle.length < KEEP_IDLE) this.idle.push(made)
          return made
        },
        () => null,
      )
      .finally(() => {
        this.making = null
      })
  }

  /** How many instances are kept idle (for tests and the bench). */
  get idleCount(): number {
    return this.idle.length
  }
}
