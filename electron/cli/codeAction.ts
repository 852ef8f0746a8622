import { codeLanguages, generateCode } from '../core/interop/code/codeLanguages'
import { readExternalOverrides } from '../core/secrets/externalSecrets'
import { UsageError, type CliIo } from './cliIo'

export interface CodeFlags {
  workspace?: string
  env?: string
  lang: string
  secrets?: string
}

/** What `courier code` does, loaded when it runs (see codeCommand.ts). */
export async function runCode(path: string, flags: CodeFlags, io: CliIo): Promise<void> {
  const ids = codeLanguages().map((l) => l.id)
  if (!ids.includes(flags.lang)) {
    throw new UsageError(`Unknown language "${flags.lang}". Languages: ${ids.join(', ')}.`)
  }
  const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
  const { loadForCommand } = await import('./savedRequest')
  const loaded = await loadForCommand(path, flags, io)
  // A secret the CLI cannot read is empty here: leave it as {{name}} rather than blank.
  const variables = Object.fromEntries(
    [...loaded.scoped]
      .filter(([, v]) => !(v.secret && v.value === ''))
      .map(([name, v]) => [name, v.value]),
  )
  io.stdout(generateCode(loaded.spec, { ...variables, ...overrides }, flags.lang))
}
