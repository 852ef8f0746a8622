import type { RequestAuth } from '../../../shared/model/request'
import type { VariableRow } from '../../../shared/model/variables'
import { OAUTH2_FIELDS, oauth2Secrets, oauth2Slot } from './oauth2Secrets'

/**
 * Credentials typed into auth (a Basic password, a Bearer token, an API key value) are
 * secrets like secret variables: the vault keeps them, the file gets them blank. A
 * credential that is only `{{variable}}` references is kept in the file, since it holds
 * nothing secret and tells a teammate which variable to set.
 */

/** The vault name of a request's or folder's credential; not a valid variable name, so no clash. */
export const AUTH_SECRET = '\u0000auth'

const PLACEHOLDERS = /\{\{\s*[^{}\s]+\s*\}\}/g

/** The auth's credential (a Basic password, a Bearer token, an API key value); null for none. */
export function credentialOf(auth: RequestAuth): string | null {
  switch (auth.type) {
    case 'basic':
      return auth.password
    case 'bearer':
      return auth.token
    case 'apikey':
      return auth.value
    default:
      return null
  }
}

/** The auth with its credential replaced by `value`. */
export function withCredential(auth: RequestAuth, value: string): RequestAuth {
  switch (auth.type) {
    case 'basic':
      return { ...auth, password: value }
    case 'bearer':
      return { ...auth, token: value }
    case 'apikey':
      return { ...auth, value }
    default:
      return auth
  }
}

/** Whether a credential holds anything beyond `{{variable}}` references: a secret of its own. */
export const isLiteral = (value: string) => value.replace(PLACEHOLDERS, '').trim() !== ''

/** The credential as a secret row for the vault, when it is a literal. */
export function authSecretRows(auth: RequestAuth): VariableRow[] {
  if (auth.type === 'oauth2') {
    return oauth2Secrets(auth)
      .filter(([, value]) => isLiteral(value))
      .map(([field, value]) => ({ name: oauth2Slot(field), value, enabled: true, secret: true }))
  }
  const value = credentialOf(auth)
  return value !== null && isLiteral(value)
    ? [{ name: AUTH_SECRET, value, enabled: true, secret: true }]
    : []
}

/** The row to forget or move: present for any scope, whatever the auth holds now. */
export const AUTH_SLOT: VariableRow = { name: AUTH_SECRET, value: '', enabled: true, secret: true }

/** Every slot an auth's secrets can take (the OAuth 2.0 ones beside AUTH_SLOT). */
export const AUTH_SLOTS: VariableRow[] = [
  AUTH_SLOT,
  ...OAUTH2_FIELDS.map((field) => ({ ...AUTH_SLOT, name: oauth2Slot(field) })),
]

/** The auth as written to a file: a literal credential blank. */
export function blankAuthSecret(auth: RequestAuth): RequestAuth {
  if (auth.type === 'oauth2') {
    const blanked = { ...auth }
    for (const [field, value] of oauth2Secrets(auth)) if (isLiteral(value)) blanked[field] = ''
    return blanked
  }
  const value = credentialOf(auth)
  return value !== null && isLiteral(value) ? withCredential(auth, '') : auth
}

/** The auth as read from a file: a blank credential filled from the vault (`stored` by slot) when it has one. */
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
  const value = credentialOf(auth) === '' ? stored(AUTH_SECRET) : undefined
  return value !== undefined ? withCredential(auth, value) : auth
}
