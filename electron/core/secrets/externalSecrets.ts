import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The prefix of environment variables that supply a variable's value: `COURIER_VAR_token`. */
export const ENV_VAR_PREFIX = 'COURIER_VAR_'

/** A secrets file that is missing or not a JSON object of strings; the message names the file. */
export class SecretsFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretsFileError'
  }
}

/** Where browser mode and the CLI read values that are never kept in a workspace. */
export interface ExternalSecretSources {
  /** The process environment (`process.env` by default). */
  env?: Record<string, string | undefined>
  /** A JSON file `{ "name": "value", … }` (`--secrets FILE`); relative to the working directory. */
  secretsFile?: string | null
}

/**
 * Variable values supplied from outside the workspace, read-only: the secrets file, then
 * `COURIER_VAR_<NAME>` environment variables (the name exactly as written after the
 * prefix, case kept). They override a variable of the same name from every saved scope
 * at send time.
 *
 * Precedence, weakest first: globals < workspace < folders < environment < request-local
 * values < secrets file < `COURIER_VAR_*` < the CLI's explicit `--var`.
 *
 * @throws SecretsFileError when `secretsFile` is given and cannot be used.
 */
export function readExternalOverrides(sources: ExternalSecretSources = {}): Record<string, string> {
  const fromFile = sources.secretsFile ? readSecretsFile(sources.secretsFile) : {}
  return { ...fromFile, ...envOverrides(sources.env ?? process.env) }
}

/** `COURIER_VAR_<NAME>=value` entries, keyed by NAME. */
export function envOverrides(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(ENV_VAR_PREFIX) || value === undefined) continue
    const name = key.slice(ENV_VAR_PREFIX.length)
    if (name !== '') out[name] = value
  }
  return out
}

/** Reads a secrets file: one JSON object mapping variable names to string values. */
export function readSecretsFile(file: string): Record<string, string> {
  const path = resolve(file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SecretsFileError(
      code === 'ENOENT'
        ? `Secrets file ${path} does not exist.`
        : code === 'EISDIR'
          ? `Secrets file ${path} is a folder; give a JSON file.`
          : `Secrets file ${path} cannot be read (${code ?? String(error)}).`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new SecretsFileError(
      `Secrets file ${path} is not valid JSON (${(error as Error).message}). It must be an object like {"token": "value"}.`,
    )
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SecretsFileError(
      `Secrets file ${path} must hold a JSON object like {"token": "value"}, not ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`}.`,
    )
  }
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(data)) {
    if (typeof value !== 'string') {
      throw new SecretsFileError(
        `Secrets file ${path}: the value of "${name}" must be a string, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}.`,
      )
    }
    out[name] = value
  }
  return out
}
