import {
  OAUTH2_SECRET_FIELDS,
  type OAuth2Auth,
  type OAuth2SecretField,
} from '../../../shared/model/oauth2'

/**
 * An OAuth 2.0 auth holds several secrets (client secret, password, refresh token), each
 * kept in the vault under a slot of its own beside the single credential of the other
 * auths (authSecrets.ts), blank in the files.
 */
export const OAUTH2_FIELDS = Object.keys(OAUTH2_SECRET_FIELDS) as OAuth2SecretField[]

/** The vault slot of one secret field: like AUTH_SECRET, never a valid variable name. */
export const oauth2Slot = (field: OAuth2SecretField) => `\u0000auth:oauth2:${field}`

/** Every secret field with its value (blank ones included). */
export function oauth2Secrets(auth: OAuth2Auth): [OAuth2SecretField, string][] {
  return OAUTH2_FIELDS.map((field): [OAuth2SecretField, string] => [field, auth[field]])
}
