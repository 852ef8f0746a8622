import type { KeyValueRow } from '../../../../shared/model/keyValue'
import { OAUTH2_SECRET_FIELDS, type OAuth2SecretField } from '../../../../shared/model/oauth2'
import type { RequestAuth } from '../../../../shared/model/request'
import type { InheritedDefaults } from '../../../../shared/model/workspace'
import { fieldOf, isLiteral, secretFieldsOf, withField } from '../../workspace/authSecrets'
import { oauth2Secrets } from '../../workspace/oauth2Secrets'
import { ENV_VAR_PREFIX } from '../../secrets/externalSecrets'
import type { ImportedFolder, ImportResult } from '../interopTypes'

/** Headers whose value is a credential (HAR files and curl commands carry them verbatim). */
const CREDENTIAL_HEADERS = new Map([
  ['authorization', 'authorization'],
  ['proxy-authorization', 'proxy_authorization'],
])

/** What each auth credential is called in a note, and its variable's base name, by type and field. */
const AUTH_FIELDS: Record<string, Record<string, { field: string; variable: string }>> = {
  basic: { password: { field: 'Basic auth password', variable: 'basic_password' } },
  digest: { password: { field: 'Digest auth password', variable: 'digest_password' } },
  ntlm: { password: { field: 'NTLM password', variable: 'ntlm_password' } },
  bearer: { token: { field: 'Bearer token', variable: 'bearer_token' } },
  apikey: { value: { field: 'API key value', variable: 'api_key' } },
  awsv4: {
    secretAccessKey: { field: 'AWS secret access key', variable: 'aws_secret_access_key' },
    sessionToken: { field: 'AWS session token', variable: 'aws_session_token' },
  },
}

/** The variable each OAuth 2.0 secret becomes. */
const OAUTH2_VARIABLES: Record<OAuth2SecretField, string> = {
  clientSecret: 'oauth2_client_secret',
  password: 'oauth2_password',
  refreshToken: 'oauth2_refresh_token',
}

/** One credential held back from the files, and the variable that now stands for it. */
export interface HeldBackCredential {
  /** What it was, e.g. `Basic auth password` or `Authorization header`. */
  field: string
  /** The variable the request or folder now reads it from: `{{variable}}`. */
  variable: string
  /** The requests and folders that used it, e.g. `Users/Get user`. */
  places: string[]
}

/**
 * Replaces every literal credential of an import (auth passwords, tokens and API keys,
 * Authorization headers) by a `{{variable}}`, for a shell whose secret store would not
 * keep it (the command line, a system without a keyring, browser mode): there the value
 * would be blanked in the file and gone when the process ends, and a send would go out
 * with an empty password. The same value in several places becomes one variable.
 * Credentials that are already `{{variable}}` references are left as they are.
 *
 * @returns the import to write, and one note per variable saying what was held back and
 *   how to provide it
 */
export function holdBackCredentials(result: ImportResult): {
  result: ImportResult
  heldBack: HeldBackCredential[]
  notes: string[]
} {
  const taken = new Set(variableNames(result))
  const byValue = new Map<string, HeldBackCredential>()
  const hold = (value: string, field: string, base: string, place: string): string => {
    const key = JSON.stringify([field, value])
    let held = byValue.get(key)
    if (!held) {
      let variable = base
      for (let n = 2; taken.has(variable); n++) variable = `${base}_${n}`
      taken.add(variable)
      held = { field, variable, places: [] }
      byValue.set(key, held)
    }
    if (!held.places.includes(place)) held.places.push(place)
    return `{{${held.variable}}}`
  }
  const auth = (value: RequestAuth, place: string): RequestAuth => {
    if (value.type === 'oauth2') {
      const held = { ...value }
      for (const [field, secret] of oauth2Secrets(value)) {
        if (!isLiteral(secret)) continue
        const names = OAUTH2_VARIABLES[field]
        held[field] = hold(secret, OAUTH2_SECRET_FIELDS[field], names, place)
      }
      return held
    }
    return secretFieldsOf(value).reduce<RequestAuth>((out, field) => {
      const credential = fieldOf(out, field)
      const names = AUTH_FIELDS[out.type]?.[field]
      if (!names || !isLiteral(credential)) return out
      return withField(out, field, hold(credential, names.field, names.variable, place))
    }, value)
  }
  const headers = (rows: KeyValueRow[], place: string): KeyValueRow[] =>
    rows.map((row) => {
      const base = CREDENTIAL_HEADERS.get(row.key.trim().toLowerCase())
      if (!base || !isLiteral(row.value)) return row
      return { ...row, value: hold(row.value, `${row.key.trim()} header`, base, place) }
    })
  const defaults = (d: InheritedDefaults, place: string): InheritedDefaults => ({
    ...d,
    auth: auth(d.auth, place),
    headers: headers(d.headers ?? [], place),
  })
  const folder = (f: ImportedFolder, path: string): ImportedFolder => ({
    ...f,
    defaults: f.defaults ? defaults(f.defaults, path) : undefined,
    requests: f.requests.map((r) => {
      const place = `${path}/${r.name}`
      return { ...r, auth: auth(r.auth, place), headers: headers(r.headers, place) }
    }),
    folders: f.folders.map((child) => folder(child, `${path}/${child.name}`)),
  })
  const held = { ...result, root: folder(result.root, result.root.name) }
  const heldBack = [...byValue.values()]
  return { result: held, heldBack, notes: heldBack.map(heldBackNote) }
}

/** What the user is told about one held-back credential: where it was, how to give it. */
export function heldBackNote(held: HeldBackCredential): string {
  const [first, ...more] = held.places
  const where = more.length === 0 ? `"${first}"` : `"${first}" and ${more.length} more`
  return (
    `The ${held.field} of ${where} was held back, not written to disk: it now reads ` +
    `{{${held.variable}}}. Provide it with ${ENV_VAR_PREFIX}${held.variable}=… or a --secrets ` +
    `file ({"${held.variable}": "…"}) on the command line, or as a secret variable ` +
    `"${held.variable}" of an environment in the app.`
  )
}

/** Every variable name the import defines, so a held-back credential's name never shadows one. */
function variableNames(result: ImportResult): string[] {
  const names = result.environments.flatMap((e) => e.variables.map((v) => v.name))
  const walk = (f: ImportedFolder) => {
    for (const v of f.defaults?.variables ?? []) names.push(v.name)
    for (const r of f.requests) for (const v of r.variables) names.push(v.name)
    f.folders.forEach(walk)
  }
  walk(result.root)
  return names
}
