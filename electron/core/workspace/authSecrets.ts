import type { RequestAuth } from '../../../shared/model/request'
import type { VariableRow } from '../../../shared/model/variables'

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
  const value = credentialOf(auth)
  return value !== null && isLiteral(value)
    ? [{ name: AUTH_SECRET, value, enabled: true, secret: true }]
    : []
}

/** The row to forget or move: present for any scope, whatever the auth holds now. */
export const AUTH_SLOT: VariableRow = { name: AUTH_SECRET, value: '', enabled: true, secret: true }

/** The auth as written to a file: a literal credential blank. */
export function blankAuthSecret(auth: RequestAuth): RequestAuth {
  const value = credentialOf(auth)
  return value !== null && isLiteral(value) ? withCredential(auth, '') : auth
}

/** The auth as read from a file: a blank credential filled from the vault when it has one. */
export function fillAuthSecret(auth: RequestAuth, stored: string | undefined): RequestAuth {
  return credentialOf(auth) === '' && stored !== undefined ? withCredential(auth, stored) : auth
}
