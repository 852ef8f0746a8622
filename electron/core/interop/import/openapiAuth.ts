import type { RequestAuth } from '../../../../shared/model/request'
import type { VariableRow } from '../../../../shared/model/variables'
import { arr, isObj, obj, str, variable, type Obj } from './importHelpers'
import { openapiOAuth2 } from './openapiOAuth2'

/** Security schemes (OpenAPI 3 `components.securitySchemes`, Swagger 2 `securityDefinitions`). */
export function securitySchemes(api: Obj): Obj {
  return obj(api.swagger ? api.securityDefinitions : obj(api.components).securitySchemes)
}

/**
 * The auth of a `security` requirement list: the first scheme Courier supports, with
 * `{{variables}}` for its secrets (added to `secrets`). `undefined` = no requirement given.
 */
export function securityAuth(
  requirements: unknown,
  schemes: Obj,
  where: string,
  notes: string[],
  secrets: Map<string, VariableRow>,
): RequestAuth | undefined {
  if (!Array.isArray(requirements)) return undefined
  if (requirements.length === 0) return { type: 'none' }
  const unsupported: string[] = []
  for (const requirement of requirements) {
    for (const [name, scopes] of Object.entries(obj(requirement))) {
      const scheme = obj(schemes[name])
      const auth =
        scheme.type === 'oauth2'
          ? openapiOAuth2(
              scheme,
              arr(scopes).map((s) => str(s)),
              where,
              notes,
              secrets,
            )
          : schemeAuth(scheme, secrets)
      if (auth) return auth
      unsupported.push(`${name} (${str(obj(schemes[name]).type, 'unknown')})`)
    }
  }
  if (unsupported.length > 0)
    notes.push(
      `${where}: the security scheme ${unsupported.join(', ')} is not supported by Courier; set its auth by hand.`,
    )
  return { type: 'none' }
}

function secret(secrets: Map<string, VariableRow>, name: string): string {
  if (!secrets.has(name)) secrets.set(name, variable(name, '', true, true))
  return `{{${name}}}`
}

function schemeAuth(scheme: Obj, secrets: Map<string, VariableRow>): RequestAuth | null {
  const type = str(scheme.type)
  const httpScheme = str(scheme.scheme).toLowerCase()
  if (type === 'basic' || (type === 'http' && httpScheme === 'basic'))
    return {
      type: 'basic',
      username: secret(secrets, 'username'),
      password: secret(secrets, 'password'),
    }
  if (type === 'http' && httpScheme === 'bearer')
    return { type: 'bearer', token: secret(secrets, 'token') }
  if (type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query'))
    return {
      type: 'apikey',
      key: str(scheme.name),
      value: secret(secrets, 'api_key'),
      in: scheme.in,
    }
  return null
}

/** Every scheme Courier cannot express (openIdConnect, cookie keys, …), for notes. */
export function unsupportedSchemes(schemes: Obj): string[] {
  const expressible = (s: Obj) =>
    s.type === 'oauth2'
      ? openapiOAuth2(s, [], '', [], new Map()) !== null
      : schemeAuth(s, new Map()) !== null
  return Object.entries(schemes)
    .filter(([, s]) => isObj(s) && !expressible(s))
    .map(([name, s]) => `${name} (${str(obj(s).type)})`)
}
