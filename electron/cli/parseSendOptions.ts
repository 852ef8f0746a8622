import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { KeyValueRow } from '../../shared/model/keyValue'
import type {
  MultipartPart,
  RequestAuth,
  RequestBody,
  RequestSettings,
  RequestSpec,
} from '../../shared/model/request'
import { HttpMethodSchema } from '../../shared/model/request'
import { authFromFlags, type AuthFlags } from './authFlags'
import { UsageError } from './cliIo'

/** The raw flags of `courier send`, as commander collects them. */
export interface SendFlags extends AuthFlags {
  header: string[]
  query: string[]
  json?: string
  form: string[]
  multipart: string[]
  raw?: string
  contentType?: string
  binary?: string
  timeout?: string
  follow: boolean
  maxRedirects?: string
  insecure?: boolean
  /** Send credentials on to the other origins redirects lead to (curl's --location-trusted). */
  locationTrusted?: boolean
  var: string[]
  fail?: boolean
  output: string
  /** The workspace folder of a saved request (default: the one last opened in Courier). */
  workspace?: string
  /** The environment of the workspace to send a saved request with. */
  env?: string
  /** A JSON file of variable values (`{"name": "value"}`) that override saved ones. */
  secrets?: string
  /** False with --no-history: the send is not added to the app's history. */
  history: boolean
}

function splitPair(
  text: string,
  separator: string,
  flag: string,
  example: string,
): [string, string] {
  const at = text.indexOf(separator)
  if (at <= 0) throw new UsageError(`${flag} "${text}" needs the form ${example}.`)
  return [text.slice(0, at), text.slice(at + separator.length)]
}

const row = ([key, value]: [string, string]): KeyValueRow => ({ key, value, enabled: true })

/** `@path` reads a file the user named on their own command line; anything else is the text itself. */
function textOrFile(value: string, flag: string): string {
  if (!value.startsWith('@')) return value
  const path = resolve(value.slice(1))
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(
      `${flag}: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    )
  }
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} takes a whole number, not "${value}".`)
  return n
}

function bodyOf(flags: SendFlags): RequestBody {
  const chosen =
    [flags.json, flags.raw, flags.binary].filter((v) => v !== undefined).length +
    (flags.form.length > 0 ? 1 : 0) +
    (flags.multipart.length > 0 ? 1 : 0)
  if (chosen > 1)
    throw new UsageError('Choose one body: --json, --form, --multipart, --raw or --binary.')
  if (flags.json !== undefined) return { type: 'json', text: textOrFile(flags.json, '--json') }
  if (flags.raw !== undefined) {
    return {
      type: 'raw',
      text: textOrFile(flags.raw, '--raw'),
      contentType: flags.contentType ?? 'text/plain',
    }
  }
  if (flags.binary !== undefined) {
    if (!flags.binary.startsWith('@')) throw new UsageError('--binary takes a file as @path.')
    return {
      type: 'binary',
      path: resolve(flags.binary.slice(1)),
      ...(flags.contentType ? { contentType: flags.contentType } : {}),
    }
  }
  if (flags.form.length > 0) {
    return {
      type: 'form',
      fields: flags.form.map((f) => row(splitPair(f, '=', '--form', 'key=value'))),
    }
  }
  if (flags.multipart.length > 0) {
    const parts = flags.multipart.map((m): MultipartPart => {
      const [key, value] = splitPair(m, '=', '--multipart', 'key=value or key=@path')
      return value.startsWith('@')
        ? { kind: 'file', key, path: resolve(value.slice(1)), enabled: true }
        : { kind: 'text', key, value, enabled: true }
    })
    return { type: 'multipart', parts }
  }
  return { type: 'none' }
}

/** What the flags of `courier send` say about a request, before it has a method and URL. */
export interface FlagParts {
  params: KeyValueRow[]
  headers: KeyValueRow[]
  /** Null when no body flag was given. */
  body: RequestBody | null
  /** Null when no auth flag was given. */
  auth: RequestAuth | null
  /** Only the settings a flag set. */
  settings: RequestSettings
  /** `--var name=value` pairs. */
  variables: Record<string, string>
}

/** Validates the flags of `courier send` and turns them into request parts. */
export function parseFlagParts(flags: SendFlags): FlagParts {
  if (flags.output !== 'pretty' && flags.output !== 'json') {
    throw new UsageError(`--output is pretty or json, not "${flags.output}".`)
  }
  const auth = authFromFlags(flags)
  const timeoutMs = wholeNumber(flags.timeout, '--timeout')
  const maxRedirects = wholeNumber(flags.maxRedirects, '--max-redirects')
  const params = flags.query.map((q) => row(splitPair(q, '=', '--query', 'key=value')))
  const headers = flags.header.map((h) => {
    const [name, value] = splitPair(h, ':', '-H', "'Name: value'")
    return row([name.trim(), value.trim()])
  })
  const body = bodyOf(flags)
  return {
    params,
    headers,
    body: body.type === 'none' ? null : body,
    auth,
    settings: {
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(flags.follow === false ? { followRedirects: false } : {}),
      ...(maxRedirects !== undefined ? { maxRedirects } : {}),
      ...(flags.insecure ? { verifyTls: false } : {}),
      ...(flags.locationTrusted ? { keepCredentialsAcrossOrigins: true } : {}),
    },
    variables: Object.fromEntries(flags.var.map((v) => splitPair(v, '=', '--var', 'name=value'))),
  }
}

/** Turns `courier send METHOD URL` arguments into a request spec and the variables to resolve it with. */
export function parseSendOptions(method: string, url: string, flags: SendFlags) {
  const upper = method.toUpperCase()
  if (!HttpMethodSchema.safeParse(upper).success) {
    throw new UsageError(
      `"${method}" is not an HTTP method. Use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or a custom token like PROPFIND.`,
    )
  }
  const parts = parseFlagParts(flags)
  const spec: RequestSpec = {
    method: upper,
    url,
    params: parts.params,
    headers: parts.headers,
    body: parts.body ?? { type: 'none' },
    auth: parts.auth ?? { type: 'none' },
    settings: parts.settings,
  }
  return { spec, variables: parts.variables }
}

/**
 * A saved request's effective spec with the command line's flags on top: query rows are
 * appended; a header replaces the spec's headers of the same name (any case), others are
 * appended; a body, auth or setting flag replaces the saved one.
 */
export function overlayFlags(spec: RequestSpec, parts: FlagParts): RequestSpec {
  const replaced = new Set(parts.headers.map((h) => h.key.toLowerCase()))
  return {
    ...spec,
    params: [...spec.params, ...parts.params],
    headers: [
      ...spec.headers.filter((h) => !replaced.has(h.key.trim().toLowerCase())),
      ...parts.headers,
    ],
    body: parts.body ?? spec.body,
    auth: parts.auth ?? spec.auth,
    settings: { ...spec.settings, ...parts.settings },
  }
}
