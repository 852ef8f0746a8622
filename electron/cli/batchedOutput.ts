/** Where batched text finally goes (process.stdout.write, or a test's collector). */
export type Sink = (text: string) => void

/**
 * Standard output written in batches. `courier run` prints a line per request, and each
 * write to a pipe is a system call that wakes the reader: on a busy 2-core machine that
 * was a third of a millisecond per line, most of the run's cost beside the HTTP itself.
 * Lines are gathered for at most `delayMs` (or until `maxChars`), so a terminal still sees
 * progress as it happens, then written at once. `flush()` writes what is held at once;
 * the caller flushes before anything goes to standard error, so the two keep their order.
 */
export class BatchedOutput {
  private held: string[] = []
  private heldChars = 0
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly sink: Sink,
    private readonly delayMs = 25,
    private readonly maxChars = 64 * 1024,
  ) {}

  write(text: string): void {
    this.held.push(text)
    this.heldChars += text.length
    if (this.heldChars >= this.maxChars) this.flush()
    // The timer keeps the process alive until the text is out, so nothing is lost at exit.
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.held.length === 0) return
    const text = this.held.join('')
    this.held = []
    this.heldChars = 0
    this.sink(text)
  }
}
