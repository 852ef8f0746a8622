import type { RequestAuth } from '../../../../shared/model/request'
import { arr, isObj, obj, str, type Obj } from './importHelpers'
import { postmanOAuth2 } from './oauth2Import'

/**
 * A Postman auth block (v2.1 arrays of {key, value} or v2.0 objects) as Courier auth.
 * Missing auth means "inherit"; `noauth` means none; an unsupported type adds a note.
 */
export function postmanAuth(auth: unknown, where: string, notes: string[]): RequestAuth {
  if (!isObj(auth)) return { type: 'inherit' }
  const type = str(auth.type)
  const params = authParams(auth[type])
  switch (type) {
    case 'noauth':
      return { type: 'none' }
    case 'basic':
      return { type: 'basic', username: str(params.username), password: str(params.password) }
    case 'bearer':
      return { type: 'bearer', token: str(params.token) }
    case 'apikey':
      return {
        type: 'apikey',
        key: str(params.key),
        value: str(params.value),
        in: str(params.in) === 'query' ? 'query' : 'header',
      }
    case 'oauth2':
      return postmanOAuth2(params, where, notes)
    case 'digest':
      return { type: 'digest', username: str(params.username), password: str(params.password) }
    case 'ntlm':
      // Postman's own retry switch (disableRetryRequest) has no counterpart: answered once.
      return {
        type: 'ntlm',
        username: str(params.username),
        password: str(params.password),
        domain: str(params.domain),
        workstation: str(params.workstation),
      }
    case 'awsv4':
      return {
        type: 'awsv4',
        accessKeyId: str(params.accessKey),
        secretAccessKey: str(params.secretKey),
        sessionToken: str(params.sessionToken),
        region: str(params.region) || 'us-east-1',
        service: str(params.service),
      }
    default:
      notes.push(
        `${where}: ${type || 'unknown'} authentication is not supported by Courier; set its auth by hand.`,
      )
      return { type: 'inherit' }
  }
}

function authParams(value: unknown): Obj {
  if (Array.isArray(value)) {
    const out: Obj = Object.create(null) as Obj
    for (const item of arr(value)) if (isObj(item)) out[str(item.key)] = item.value
    return out
  }
  return obj(value)
}
