import type { RequestAuth } from '../../../shared/model/request'
import type { VariableRow } from '../../../shared/model/variables'
import { OAUTH2_FIELDS, oauth2Secrets, oauth2Slot } from './oauth2Secrets'

/**
 * Credentials typed into auth (a Basic, Digest or NTLM password, a Bearer token, an API key
 * value, an AWS secret key and session token, OAuth 2.0's secrets) are secrets like secret variables: the
 * vault keeps them, the file gets them blank. A credential that is only `{{variable}}`
 * references is kept in the file, since it holds nothing secret and tells a teammate
 * which variable to set.
 */

/** The vault name of a request's or folder's credential; not a valid variable name, so no clash. */
export const AUTH_SECRET = '\u0000auth'

const PLACEHOLDERS = /\{\{\s*[^{}\s]+\s*\}\}/g

/**
 * The fields of each auth type that hold a secret, the main credential first. The first
 * keeps the vault name AUTH_SECRET (so what earlier versions stored is still found); the
 * others are stored under AUTH_SECRET + ':' + field. OAuth 2.0 keeps its own slots
 * (oauth2Secrets.ts) and is handled apart below.
 */
const SECRET_FIELDS: Partial<Record<RequestAuth['type'], readonly string[]>> = {
  basic: ['password'],
  digest: ['password'],
  ntlm: ['password'],
  bearer: ['token'],
  apikey: ['value'],
  awsv4: ['secretAccessKey', 'sessionToken'],
}

/** The names of the auth's secret fields, the main credential first; [] for none. */
export function secretFieldsOf(auth: RequestAuth): readonly string[] {
  return SECRET_FIELDS[auth.type] ?? []
}

/** The value of one of the auth's fields ('' when it has no such field). */
export function fieldOf(auth: RequestAuth, field: string): string {
  const value = (auth as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : ''
}

/** The auth with one field replaced by `value`. */
export function withField(auth: RequestAuth, field: string, value: string): RequestAuth {
  return { ...auth, [field]: value } as RequestAuth
}

/** The auth's main credential (a password, a token, a key value, a secret key); null for none. */
export function credentialOf(auth: RequestAuth): string | null {
  const [field] = secretFieldsOf(auth)
  return field === undefined ? null : fieldOf(auth, field)
}

/** The auth with its main credential replaced by `value`. */
export function withCredential(auth: RequestAuth, value: string): RequestAuth {
  const [field] = secretFieldsOf(auth)
  return field === undefined ? auth : withField(auth, field, value)
}

/** Whether a credential holds anything beyond `{{variable}}` references: a secret of its own. */
export const isLiteral = (value: string) => value.replace(PLACEHOLDERS, '').trim() !== ''

/** The vault name of one secret field (the main one keeps the historical name). */
const slotName = (index: number, field: string) =>
  index === 0 ? AUTH_SECRET : `${AUTH_SECRET}:${field}`

/** The row to forget or move: present for any scope, whatever the auth holds now. */
export const AUTH_SLOT: VariableRow = { name: AUTH_SECRET, value: '', enabled: true, secret: true }

/** Every vault name an auth can use, whatever its type: the rows to forget or move. */
export const AUTH_SLOTS: VariableRow[] = [
  ...new Set([
    ...Object.values(SECRET_FIELDS).flatMap((fields) => fields.map((f, i) => slotName(i, f))),
    ...OAUTH2_FIELDS.map(oauth2Slot),
  ]),
].map((name) => ({ ...AUTH_SLOT, name }))

/** The literal credentials as secret rows for the vault. */
export function authSecretRows(auth: RequestAuth): VariableRow[] {
  if (auth.type === 'oauth2') {
    return oauth2Secrets(auth)
      .filter(([, value]) => isLiteral(value))
      .map(([field, value]) => ({ name: oauth2Slot(field), value, enabled: true, secret: true }))
  }
  return secretFieldsOf(auth).flatMap((field, i) => {
    const value = fieldOf(auth, field)
    return isLiteral(value)
      ? [{ name: slotName(i, field), value, enabled: true, secret: true }]
      : []
  })
}

/** The auth as written to a file: every literal credential blank. */
export function blankAuthSecret(auth: RequestAuth): RequestAuth {
  if (auth.type === 'oauth2') {
    const blanked = { ...auth }
    for (const [field, value] of oauth2Secrets(auth)) if (isLiteral(value)) blanked[field] = ''
    return blanked
  }
  return secretFieldsOf(auth).reduce<RequestAuth>(
    (out, field) => (isLiteral(fieldOf(out, field)) ? withField(out, field, '') : out),
    auth,
  )
}

/** The auth as read from a file: each blank credential filled from the vault (`stored` by slot) when it has one. */
export function fillAuthSecret(
  auth: RequestAuth,
  stored: (slot: string) => string | undefined,
): RequestAuth {
  if (auth.type === 'oauth2') {
    const filled = { ...auth }
    for (const [field, value] of oauth2Secrets(auth)) {
      const kept = value === '' ? stored(oauth2Slot(field)) : undefined
      if (kept !== undefined) filled[field] = kept
    }
    return filled
  }
  return secretFieldsOf(auth).reduce<RequestAuth>((out, field, i) => {
    const value = stored(slotName(i, field))
    return fieldOf(out, field) === '' && value !== undefined ? withField(out, field, value) : out
  }, auth)
}
