import SwaggerParser from '@apidevtools/swagger-parser'
import type { KeyValueRow } from '../../../../shared/model/keyValue'
import type { RequestBody } from '../../../../shared/model/request'
import type { VariableRow } from '../../../../shared/model/variables'
import type { Environment } from '../../../../shared/model/workspace'
import { ImportError, type ImportedFolder, type ImportResult } from '../interopTypes'
import {
  arr,
  cleanName,
  emptyFolder,
  isObj,
  obj,
  savedRequest,
  str,
  variable,
  type Obj,
} from './importHelpers'
import { securityAuth, securitySchemes, unsupportedSchemes } from './openapiAuth'
import { mediaExample, schemaExample } from './schemaExample'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** Every `$ref` that points outside the document (a file or URL): never followed. */
function externalRefs(value: unknown, found: Set<string>, depth = 0): Set<string> {
  if (depth > 70 || found.size > 50) return found
  if (Array.isArray(value)) for (const v of value) externalRefs(v, found, depth + 1)
  else if (isObj(value)) {
    if (typeof value.$ref === 'string' && !value.$ref.startsWith('#')) found.add(value.$ref)
    for (const v of Object.values(value)) externalRefs(v, found, depth + 1)
  }
  return found
}

/**
 * An OpenAPI 3.0/3.1 or Swagger 2.0 document: one request per operation (folders by first
 * tag), example bodies, servers as environments, security schemes as auth. Internal `$ref`s
 * are dereferenced; external ones (files, URLs) are never read and are listed in the notes.
 */
export async function importOpenApi(data: Obj): Promise<ImportResult> {
  const notes: string[] = []
  for (const ref of externalRefs(data, new Set()))
    notes.push(
      `The external reference "${ref}" was not read (Courier reads no other file or URL on import).`,
    )
  let api: Obj
  try {
    api = (await SwaggerParser.dereference(data as never, {
      resolve: { external: false },
      dereference: { circular: true },
    })) as unknown as Obj
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ImportError(`This OpenAPI document could not be read: ${message}`)
  }
  const swagger2 = str(api.swagger).startsWith('2')
  const format = swagger2 ? `swagger ${str(api.swagger)}` : `openapi ${str(api.openapi)}`
  const info = obj(api.info)
  const root = emptyFolder(cleanName(info.title, 'OpenAPI import'))
  const schemes = securitySchemes(api)
  const secrets = new Map<string, VariableRow>()
  for (const name of unsupportedSchemes(schemes))
    notes.push(
      `Security scheme ${name} is not supported by Courier; requests that need it have no auth.`,
    )
  const rootAuth = securityAuth(api.security, schemes, `API "${root.name}"`, notes, secrets)
  if (rootAuth) root.defaults = { headers: [], auth: rootAuth, variables: [] }
  const folders = new Map<string, ImportedFolder>()

  for (const [path, itemValue] of Object.entries(obj(api.paths))) {
    const item = obj(itemValue)
    for (const method of METHODS) {
      if (!isObj(item[method])) continue
      const op = item[method]
      const name = cleanName(op.summary ?? op.operationId, `${method.toUpperCase()} ${path}`)
      const where = `Operation ${method.toUpperCase()} ${path}`
      const params = [...arr(item.parameters), ...arr(op.parameters)].filter(isObj)
      const request = buildRequest(method, path, params, op, swagger2, api, where, notes)
      const auth = securityAuth(op.security, schemes, where, notes, secrets)
      const saved = savedRequest(
        name,
        { ...request.spec, ...(auth ? { auth } : {}) },
        request.variables,
      )
      const tag = str(arr(op.tags)[0])
      if (!tag) root.requests.push(saved)
      else {
        const folder = folders.get(tag) ?? emptyFolder(cleanName(tag, 'Untitled'))
        if (!folders.has(tag)) root.folders.push(folder)
        folders.set(tag, folder)
        folder.requests.push(saved)
      }
    }
  }
  const environments = serverEnvironments(api, swagger2, root.name, [...secrets.values()])
  return { format, root, environments, notes }
}

function buildRequest(
  method: string,
  path: string,
  parameters: Obj[],
  op: Obj,
  swagger2: boolean,
  api: Obj,
  where: string,
  notes: string[],
) {
  const query: KeyValueRow[] = []
  const headers: KeyValueRow[] = []
  const cookies: string[] = []
  const variables: VariableRow[] = []
  let body: RequestBody = { type: 'none' }
  const formParams: Obj[] = []
  for (const p of parameters) {
    const name = str(p.name)
    const value = exampleText(swagger2 ? schemaExample(p) : mediaExample(p))
    const required = p.required === true
    switch (p.in) {
      case 'path':
        variables.push(variable(name, value))
        break
      case 'query':
        query.push({ key: name, value, enabled: required })
        break
      case 'header':
        headers.push({ key: name, value, enabled: required })
        break
      case 'cookie':
        cookies.push(`${name}=${value}`)
        break
      case 'body':
        body = { type: 'json', text: JSON.stringify(schemaExample(p.schema) ?? {}, null, 2) }
        break
      case 'formData':
        formParams.push(p)
        break
    }
  }
  if (cookies.length > 0) headers.push({ key: 'Cookie', value: cookies.join('; '), enabled: true })
  if (formParams.length > 0)
    body = swaggerForm(formParams, [...arr(op.consumes), ...arr(api.consumes)], where, notes)
  if (!swagger2 && isObj(op.requestBody))
    body = requestBody(obj(op.requestBody.content), where, notes)
  const url = `{{base_url}}${path.replace(/\{([^}]+)\}/g, '{{$1}}')}`
  return { spec: { method: method.toUpperCase(), url, params: query, headers, body }, variables }
}

function exampleText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function requestBody(content: Obj, where: string, notes: string[]): RequestBody {
  const types = Object.keys(content)
  const pick = types.find((t) => /json/i.test(t)) ?? types[0]
  if (pick === undefined) return { type: 'none' }
  const media = obj(content[pick])
  if (/json/i.test(pick))
    return { type: 'json', text: JSON.stringify(mediaExample(media) ?? {}, null, 2) }
  if (/x-www-form-urlencoded|multipart\/form-data/i.test(pick)) {
    const props = Object.entries(obj(obj(media.schema).properties)).map(([name, schema]) => ({
      name,
      ...obj(schema),
    }))
    return swaggerForm(props, [pick], where, notes)
  }
  if (pick === 'application/octet-stream' || /^(image|audio|video)\//.test(pick)) {
    notes.push(`${where}: its body is a file (${pick}); choose the file before sending.`)
    return { type: 'binary', path: '', contentType: pick }
  }
  return { type: 'raw', text: exampleText(mediaExample(media)), contentType: pick }
}

/** Form fields from Swagger 2 formData parameters or an OpenAPI form schema's properties. */
function swaggerForm(
  fields: Obj[],
  consumes: unknown[],
  where: string,
  notes: string[],
): RequestBody {
  const isFile = (f: Obj) => f.type === 'file' || f.format === 'binary'
  const multipart = consumes.some((c) => /multipart/i.test(str(c))) || fields.some(isFile)
  if (!multipart)
    return {
      type: 'form',
      fields: fields.map((f) => ({
        key: str(f.name),
        value: exampleText(schemaExample(f)),
        enabled: true,
      })),
    }
  return {
    type: 'multipart',
    parts: fields.map((f) => {
      if (isFile(f)) {
        notes.push(`${where}: the file field "${str(f.name)}" needs a file chosen before sending.`)
        return { kind: 'file' as const, key: str(f.name), path: '', enabled: true }
      }
      return {
        kind: 'text' as const,
        key: str(f.name),
        value: exampleText(schemaExample(f)),
        enabled: true,
      }
    }),
  }
}

function serverEnvironments(
  api: Obj,
  swagger2: boolean,
  title: string,
  secrets: VariableRow[],
): Environment[] {
  if (swagger2) {
    const host = str(api.host)
    if (!host) return []
    const scheme = str(arr(api.schemes)[0], 'https')
    const url = `${scheme}://${host}${str(api.basePath)}`
    return [
      {
        schemaVersion: 1,
        name: `${title} server`,
        variables: [variable('base_url', url), ...secrets],
      },
    ]
  }
  const servers = arr(api.servers).filter(isObj)
  return servers.map((server, index) => {
    const rows: VariableRow[] = [
      variable('base_url', str(server.url).replace(/\{([^}]+)\}/g, '{{$1}}')),
    ]
    for (const [name, v] of Object.entries(obj(server.variables)))
      rows.push(variable(name, obj(v).default))
    const label = cleanName(
      server.description,
      servers.length > 1 ? `server ${index + 1}` : 'server',
    )
    return {
      schemaVersion: 1,
      name: cleanName(`${title} ${label}`, title),
      variables: [...rows, ...secrets],
    }
  })
}
