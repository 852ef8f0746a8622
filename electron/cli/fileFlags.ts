// No imports: the command files load this for --help, before anything else runs.

/** The options that let the command line read the files a saved or imported request names. */
export interface FileFlags {
  /** `--allow-file PATH` (repeatable): this file may be uploaded; relative to the current folder. */
  allowFile?: string[]
  /** `--allow-files`: every file the requests name may be uploaded. */
  allowFiles?: boolean
}

/** The help text of --allow-file and --allow-files, the same for send and run. */
export const ALLOW_FILE_HELP =
  'upload this local file where a saved or imported request names it (repeatable)'
export const ALLOW_FILES_HELP =
  'upload every local file the saved or imported requests name (only for requests you trust)'
