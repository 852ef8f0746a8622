import { RequestAuthSchema, type RequestAuth } from '../../../shared/model/request'
import type { ScriptAuth } from './scriptPort'

/**
 * A request's auth as Postman's scripts see it (`pm.request.auth`): its type and its
 * parameters by Postman's names. Courier's field names are Postman's but for these.
 */
const POSTMAN_NAMES: Partial<Record<RequestAuth['type'], Record<string, string>>> = {
  awsv4: { accessKeyId: 'accessKey', secretAccessKey: 'secretKey' },
  oauth2: { tokenUrl: 'accessTokenUrl', grant: 'grant_type', clientAuth: 'client_authentication' },
}

/** The auth types a script may switch to: Courier's own, named as Postman names them. */
export const SCRIPT_AUTH_TYPES = [
  'noauth',
  'basic',
  'bearer',
  'apikey',
  'digest',
  'ntlm',
  'awsv4',
  'oauth2',
] as const

/** The auth a script sees; undefined when the request has none (as in Postman). */
export function toScriptAuth(auth: RequestAuth): ScriptAuth | undefined {
  if (auth.type === 'none' || auth.type === 'inherit') return undefined
  const names = POSTMAN_NAMES[auth.type] ?? {}
  const params = Object.entries(auth)
    .filter(([key, value]) => key !== 'type' && typeof value === 'string')
    .map(([key, value]): [string, string] => [names[key] ?? key, value as string])
  return { type: auth.type, params }
}

/**
 * The auth a script left (null: none), as the request's; undefined when it cannot be one
 * (a parameter out of its range, such as an API key `in` neither header nor query), so
 * the send keeps the auth it had.
 */
export function fromScriptAuth(auth: ScriptAuth | null): RequestAuth | undefined {
  if (auth === null || auth.type === 'noauth') return { type: 'none' }
  const back = Object.fromEntries(
    Object.entries(POSTMAN_NAMES[auth.type as RequestAuth['type']] ?? {}).map(([c, p]) => [p, c]),
  )
  const fields: Record<string, string> = {}
  for (const [key, value] of auth.params) fields[back[key] ?? key] = value
  // Postman's required parameters may be left out by a script; Courier's are '' then.
  const blank = { username: '', password: '', token: '', key: '', value: '' }
  const aws = { accessKeyId: '', secretAccessKey: '', region: '', service: '' }
  const parsed = RequestAuthSchema.safeParse({
    ...blank,
    ...(auth.type === 'awsv4' && aws),
    ...fields,
    type: auth.type,
  })
  return parsed.success ? parsed.data : undefined
}
