/** Where a command writes: standard output for results, standard error for notes and errors. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** A command's exit code, set by its action (0 unless told otherwise). */
export interface ExitCode {
  set(code: number): void
}

/** A command-line mistake, reported with what to do; exit code 2. */
export class UsageError extends Error {}
