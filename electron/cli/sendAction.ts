import { resolve } from 'node:path'
import { resolveRequest } from '../../shared/logic/variables'
import { checksFailed } from '../../shared/model/assertion'
import { SendContextSchema, type SendContext } from '../../shared/model/history'
import { COMMON_METHODS, type RequestSpec } from '../../shared/model/request'
import type { ScriptLevel, VariableScopes } from '../../shared/logic/checksInheritance'
import { SchemaCheck } from '../core/assertions/schemaCheck'
import { bodyTextOf } from '../core/checks/bodyText'
import { HttpEngine } from '../core/http/engine'
import { readExternalOverrides } from '../core/secrets/externalSecrets'
import { sendAndRecord } from '../core/sendAndRecord'
import { cliFileGate } from './cliFileGate'
import { cliOAuth2Tokens } from './cliOAuth2'
import { cliHistory } from './cliHistory'
import { cliScriptRunner } from './cliScripts'
import { UsageError, type CliIo } from './cliIo'
import { toJsonOutput, toPrettyOutput } from './formatResult'
import { overlayFlags, parseFlagParts, parseSendOptions, type SendFlags } from './parseSendOptions'
import { schemaReader } from './schemaReader'
import type { FileFlags } from './fileFlags'
import { cliProxyRouter } from './cliProxy'
import type { ProxyFlags } from './proxyFlags'
import type { CookieJarFlags } from './cookieJarFlag'
import { withWholeBody } from './wholeBody'
import type { TlsFlags } from './tlsFlags'
import { tlsFromFlags } from './tlsFromFlags'

interface ToSend {
  spec: RequestSpec
  variables: Record<string, string>
  /** Where the request came from, for its history entry. */
  context: SendContext
  requestName: string
  scriptLevels: ScriptLevel[]
  scopes?: VariableScopes
  /** Reads `file:` schemas of assertions (a saved request's workspace). */
  schemaDir?: string
  /** Where the request's relative file paths are read from: its workspace (null: none). */
  filesDir: string | null
}

/** The files typed on this command line (--binary @f, --multipart k=@f): the user named them. */
function typedFiles(flags: SendFlags): string[] {
  const at = (value: string | undefined) =>
    value?.startsWith('@') ? [resolve(value.slice(1))] : []
  const parts = flags.multipart.flatMap((m) => at(m.slice(m.indexOf('=') + 1)))
  return [...at(flags.binary), ...parts]
}

/**
 * `courier send`: builds the request (METHOD URL, or a saved one), sends it with its
 * scripts and assertions through the app's send-and-record path, prints the response and
 * the tests. Exit 0 for a response, 1 for a failed test or script (or a 4xx/5xx with
 * --fail), 2 for a transport error.
 */
export async function runSend(
  target: string,
  url: string | undefined,
  flags: SendFlags & FileFlags & ProxyFlags & TlsFlags & CookieJarFlags,
  io: CliIo,
): Promise<number> {
  const tls = tlsFromFlags(flags)
  const toSend =
    url === undefined
      ? await savedRequestToSend(target, flags, io)
      : adHocRequestToSend(target, url, flags)
  // Read before anything is sent: a malformed jar stops the command.
  const jarFile = flags.cookieJar
    ? await (await import('./cookieJarFile')).openCookieJarFile(flags.cookieJar)
    : null
  const engine: HttpEngine = new HttpEngine({
    proxy: cliProxyRouter(flags),
    oauth2: cliOAuth2Tokens(io, () => engine),
    tls,
  })
  const scripts = hasScripts(toSend) ? await cliScriptRunner(engine) : null
  // The sandbox readies what these scripts use (chai only if one names pm.expect).
  scripts?.expectScripts?.(scriptsOf(toSend))
  const history = flags.history ? cliHistory(io) : null
  try {
    const checked = await sendAndRecord(
      {
        engine,
        scripts,
        schemas: new SchemaCheck(toSend.schemaDir ? schemaReader(toSend.schemaDir) : undefined),
        history,
        bodyText: (response) => bodyTextOf(response, engine.bodies),
      },
      {
        spec: toSend.spec,
        variables: toSend.variables,
        scriptLevels: toSend.scriptLevels,
        scopes: toSend.scopes,
        requestName: toSend.requestName,
        source: 'cli',
        context: toSend.context,
        // A file a saved request names is read only with --allow-file or --allow-files.
        files: cliFileGate(toSend.filesDir, flags, typedFiles(flags)),
        ...(jarFile && { cookies: jarFile.cookies }),
        // The command line keeps (and prints) the whole body.
        forHistory: (result) => withWholeBody(result, engine.bodies),
      },
    )
    const result = await withWholeBody(checked.result, engine.bodies)
    await jarFile?.save()
    if (flags.output === 'json') io.stdout(JSON.stringify(toJsonOutput(result)) + '\n')
    else {
      const out = toPrettyOutput(result)
      io.stdout(out.stdout)
      io.stderr(out.stderr)
    }
    // Recorded once the response is out: the tester does not wait for the database.
    await history?.record()
    if (!result.ok) return result.error.code === 'SCRIPT' ? 1 : 2
    if (checksFailed(result.checks)) return 1
    return flags.fail && result.response.status >= 400 ? 1 : 0
  } finally {
    await scripts?.close()
    engine.close()
  }
}

/** The scripts of the send: its levels' and its own, empty ones left out. */
function scriptsOf({ spec, scriptLevels }: ToSend): string[] {
  return [...scriptLevels.map((level) => level.scripts), spec.scripts]
    .flatMap((s) => (s ? [s.preRequest, s.postResponse] : []))
    .filter((source) => source.trim() !== '')
}

function hasScripts(toSend: ToSend): boolean {
  return scriptsOf(toSend).length > 0
}

/** `courier send METHOD URL`: the flags are the whole request. */
function adHocRequestToSend(method: string, url: string, flags: SendFlags): ToSend {
  if (flags.workspace !== undefined || flags.env !== undefined) {
    throw new UsageError(
      '--workspace and --env apply to a saved request: courier send "Folder/Request name" --env NAME. With METHOD URL, give values with --var name=value.',
    )
  }
  const { spec, variables } = parseSendOptions(method, url, flags)
  const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
  return {
    spec,
    variables: { ...overrides, ...variables },
    // Values from --secrets and COURIER_VAR_* are secrets: history masks them.
    context: SendContextSchema.parse({ secretNames: Object.keys(overrides) }),
    requestName: `${method.toUpperCase()} ${url}`,
    scriptLevels: [],
    filesDir: null,
  }
}

/**
 * `courier send "Folder/Request name"`: the saved request as the app would send it, its
 * variables overridden by --secrets and COURIER_VAR_*, then by --var; the other flags
 * extend or replace parts of it.
 */
async function savedRequestToSend(path: string, flags: SendFlags, io: CliIo): Promise<ToSend> {
  if ((COMMON_METHODS as readonly string[]).includes(path.toUpperCase())) {
    throw new UsageError(
      `${path} needs a URL: courier send ${path} URL. (A saved request named "${path}" is sent with its file name: courier send "${path}.request.json".)`,
    )
  }
  // Bad flags are reported before any file is read.
  const parts = parseFlagParts(flags)
  const overrides = readExternalOverrides({ secretsFile: flags.secrets ?? null })
  // Loaded on demand: METHOD URL never touches workspaces.
  const { loadForCommand } = await import('./savedRequest')
  const loaded = await loadForCommand(path, flags, io)
  const spec = overlayFlags(loaded.spec, parts)
  const given = { ...overrides, ...parts.variables }
  // The app keeps secret values encrypted by the OS, out of the CLI's reach: a secret
  // nobody supplied is missing, not empty.
  const missingSecrets = new Set(
    [...loaded.scoped]
      .filter(([name, v]) => v.secret && v.value === '' && !Object.hasOwn(given, name))
      .map(([name]) => name),
  )
  const variables = Object.fromEntries(
    Object.entries({ ...loaded.variables, ...given }).filter(([name]) => !missingSecrets.has(name)),
  )
  const unsupplied = resolveRequest(spec, variables).unresolved.filter((n) => missingSecrets.has(n))
  if (unsupplied.length > 0) {
    const list = unsupplied.map((n) => `{{${n}}}`).join(', ')
    const example = unsupplied[0]!
    throw new UsageError(
      `The request uses ${unsupplied.length === 1 ? 'a secret' : 'secrets'} with no value here: ${list}. ` +
        `Courier keeps secret values encrypted for the app only; give them to the command line as ` +
        `COURIER_VAR_${example}=… in the environment or in a --secrets FILE ({"${example}": "…"}).`,
    )
  }
  const secretNames = [...loaded.scoped].filter(([, v]) => v.secret).map(([name]) => name)
  const context = SendContextSchema.parse({
    workspace: loaded.origin.workspaceDir,
    workspaceName: loaded.origin.workspaceName,
    environment: loaded.origin.environment,
    requestPath: loaded.origin.requestPath,
    secretNames: [...new Set([...secretNames, ...Object.keys(overrides)])],
  })
  return {
    spec,
    variables,
    context,
    requestName: loaded.name,
    scriptLevels: loaded.scriptLevels,
    scopes: { ...loaded.scopes, request: { ...loaded.scopes.request, ...given } },
    schemaDir: loaded.origin.workspaceDir,
    filesDir: loaded.origin.workspaceDir,
  }
}
