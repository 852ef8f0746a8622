/** Background work on a body starts at the latest this long after it arrived. */
const AFTER_FIRST_SCREEN_MS = 1000

/**
 * Work held per body until its first screen is out (its first lines were read), or a
 * second at the latest: background work started sooner delays that first screen by a
 * few hundred ms.
 */
export class FirstScreenQueue {
  private readonly waiting = new Map<string, (() => void)[]>()

  /** Runs `task` once the body's first screen is out. */
  add(id: string, task: () => void): void {
    const tasks = this.waiting.get(id) ?? []
    if (tasks.length === 0) {
      this.waiting.set(id, tasks)
      setTimeout(() => this.run(id), AFTER_FIRST_SCREEN_MS)
    }
    tasks.push(task)
  }

  /** The body's first lines were read: its held work starts (after this call returns). */
  shown(id: string): void {
    if (this.waiting.has(id)) setImmediate(() => this.run(id))
  }

  private run(id: string): void {
    const tasks = this.waiting.get(id)
    this.waiting.delete(id)
    for (const task of tasks ?? []) task()
  }
}
