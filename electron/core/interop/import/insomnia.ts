import type { RequestAuth, RequestBody } from '../../../../shared/model/request'
import type { Scripts } from '../../../../shared/model/scripts'
import type { VariableRow } from '../../../../shared/model/variables'
import type { Environment } from '../../../../shared/model/workspace'
import type { ImportedFolder, ImportResult } from '../interopTypes'
import {
  arr,
  cleanMethod,
  cleanName,
  emptyFolder,
  isObj,
  obj,
  row,
  savedRequest,
  str,
  variable,
  type Obj,
} from './importHelpers'
import { insomniaOAuth2 } from './oauth2Import'

/** `{{ _.name }}` (Insomnia) → `{{name}}` (Courier); template tags are noted, never run. */
function vars(text: string, where: string, notes: string[]): string {
  if (/\{%/.test(text))
    notes.push(
      `${where}: the template tag in "${text.slice(0, 60)}" was kept as text; Courier runs no tags.`,
    )
  return text
    .replace(/\{\{\s*_\.([\w.-]+)\s*\}\}/g, '{{$1}}')
    .replace(/\{\{\s*([\w.-]+)\s*\}\}/g, '{{$1}}')
}

/** An Insomnia v4 export (JSON or YAML): workspace, request groups, requests, environments. */
export function importInsomnia(data: Obj): ImportResult {
  const resources = arr(data.resources).filter(isObj)
  const notes: string[] = []
  const byParent = new Map<string, Obj[]>()
  for (const r of resources) {
    const parent = str(r.parentId)
    byParent.set(parent, [...(byParent.get(parent) ?? []), r])
  }
  const workspace = resources.find((r) => r._type === 'workspace')
  const rootId = workspace ? str(workspace._id) : ''
  const root = emptyFolder(cleanName(workspace?.name, 'Insomnia import'))
  const environments: Environment[] = []
  const seen = new Set<string>()

  const fill = (folder: ImportedFolder, parentId: string, path: string, depth: number) => {
    if (seen.has(parentId) || depth > 60) return
    seen.add(parentId)
    for (const r of byParent.get(parentId) ?? []) {
      const name = cleanName(r.name, 'Untitled')
      const where = path ? `${path}/${name}` : name
      if (r._type === 'request_group') {
        const child = emptyFolder(name)
        const variables = envRows(r.environment, `Folder "${where}"`, notes)
        const scripts = insomniaScripts(r)
        if (variables.length > 0 || scripts)
          child.defaults = {
            headers: [],
            auth: { type: 'inherit' },
            variables,
            ...(scripts && { scripts }),
          }
        if (str(r.description))
          notes.push(`Folder "${where}": its description was not carried over.`)
        fill(child, str(r._id), where, depth + 1)
        folder.folders.push(child)
      } else if (r._type === 'request') {
        folder.requests.push(readRequest(r, name, `Request "${where}"`, notes))
      } else if (r._type === 'grpc_request' || r._type === 'websocket_request') {
        notes.push(
          `${where}: ${str(r._type).replace('_', ' ')}s are not supported and were skipped.`,
        )
      }
    }
  }
  fill(root, rootId, '', 0)

  for (const base of resources.filter(
    (r) => r._type === 'environment' && str(r.parentId) === rootId,
  )) {
    const baseRows = envRows(base.data, 'Base environment', notes)
    if (baseRows.length > 0)
      root.defaults = { headers: [], auth: { type: 'inherit' }, variables: baseRows }
    for (const sub of byParent.get(str(base._id)) ?? []) {
      if (sub._type !== 'environment') continue
      const name = cleanName(sub.name, 'Insomnia environment')
      environments.push({
        schemaVersion: 1,
        name,
        variables: envRows(sub.data, `Environment "${name}"`, notes),
      })
    }
  }
  const skipped = resources.filter((r) =>
    ['cookie_jar', 'api_spec', 'unit_test_suite', 'unit_test', 'proto_file'].includes(str(r._type)),
  )
  if (skipped.length > 0)
    notes.push(
      `${skipped.length} Insomnia resources (cookie jars, API specs, unit tests) were not imported.`,
    )
  return { format: 'insomnia v4', root, environments, notes }
}

function envRows(data: unknown, where: string, notes: string[]): VariableRow[] {
  return Object.entries(obj(data)).map(([name, value]) => {
    if (isObj(value) || Array.isArray(value)) {
      notes.push(`${where}: the variable "${name}" holds an object; it was kept as JSON text.`)
      return variable(name, JSON.stringify(value))
    }
    return variable(name, vars(str(value), where, notes))
  })
}

function readRequest(r: Obj, name: string, where: string, notes: string[]) {
  const params = arr(r.parameters)
    .filter(isObj)
    .map((p) => row(p.name, vars(str(p.value), where, notes), p.disabled !== true))
  const headers = arr(r.headers)
    .filter(isObj)
    .map((h) => row(h.name, vars(str(h.value), where, notes), h.disabled !== true))
  const follow = str(r.settingFollowRedirects)
  const settings =
    follow === 'on' ? { followRedirects: true } : follow === 'off' ? { followRedirects: false } : {}
  if (str(r.description)) notes.push(`${where}: its description was not carried over.`)
  const scripts = insomniaScripts(r)
  return savedRequest(name, {
    method: cleanMethod(r.method),
    url: vars(str(r.url), where, notes),
    params,
    headers,
    body: readBody(obj(r.body), where, notes),
    auth: readAuth(obj(r.authentication), where, notes),
    settings,
    ...(scripts && { scripts }),
  })
}

/**
 * Insomnia's own scripts (`preRequestScript`, `afterResponseScript`), kept as written:
 * Courier's sandbox answers to `insomnia.*` as to `pm.*`.
 */
function insomniaScripts(r: Obj): Scripts | undefined {
  const preRequest = str(r.preRequestScript)
  const postResponse = str(r.afterResponseScript)
  return preRequest.trim() || postResponse.trim() ? { preRequest, postResponse } : undefined
}

function readBody(body: Obj, where: string, notes: string[]): RequestBody {
  const mime = str(body.mimeType)
  const params = arr(body.params).filter(isObj)
  if (mime === 'multipart/form-data') {
    return {
      type: 'multipart',
      parts: params.map((p) => {
        const enabled = p.disabled !== true
        if (str(p.type) === 'file') {
          notes.push(`${where}: the file "${str(p.fileName)}" must be confirmed before sending.`)
          return { kind: 'file' as const, key: str(p.name), path: str(p.fileName), enabled }
        }
        return {
          kind: 'text' as const,
          key: str(p.name),
          value: vars(str(p.value), where, notes),
          enabled,
        }
      }),
    }
  }
  if (mime === 'application/x-www-form-urlencoded')
    return {
      type: 'form',
      fields: params.map((p) => row(p.name, vars(str(p.value), where, notes), p.disabled !== true)),
    }
  if (mime === 'application/octet-stream' && str(body.fileName)) {
    notes.push(`${where}: the body file "${str(body.fileName)}" must be confirmed before sending.`)
    return { type: 'binary', path: str(body.fileName) }
  }
  const text = vars(str(body.text), where, notes)
  if (/json/i.test(mime)) return { type: 'json', text }
  if (mime === 'application/graphql') {
    notes.push(`${where}: its GraphQL body became a JSON body.`)
    return { type: 'json', text }
  }
  if (!mime && text === '') return { type: 'none' }
  return { type: 'raw', text, contentType: mime || 'text/plain' }
}

function readAuth(auth: Obj, where: string, notes: string[]): RequestAuth {
  if (auth.disabled === true) return { type: 'none' }
  const v = (key: string) => vars(str(auth[key]), where, notes)
  switch (str(auth.type)) {
    case '':
    case 'none':
      return { type: 'inherit' }
    case 'basic':
      return { type: 'basic', username: v('username'), password: v('password') }
    case 'bearer':
      if (str(auth.prefix) && str(auth.prefix) !== 'Bearer')
        notes.push(`${where}: the token prefix "${str(auth.prefix)}" became "Bearer".`)
      return { type: 'bearer', token: v('token') }
    case 'apikey':
      return {
        type: 'apikey',
        key: v('key'),
        value: v('value'),
        in: str(auth.addTo) === 'queryParams' ? 'query' : 'header',
      }
    case 'oauth2':
      return insomniaOAuth2(auth, v, where, notes)
    case 'digest':
      return { type: 'digest', username: v('username'), password: v('password') }
    case 'ntlm':
      // Insomnia has username and password only; a domain goes in the username (DOMAIN\user).
      return {
        type: 'ntlm',
        username: v('username'),
        password: v('password'),
        domain: v('domain'),
        workstation: v('workstation'),
      }
    case 'iam':
      return {
        type: 'awsv4',
        accessKeyId: v('accessKeyId'),
        secretAccessKey: v('secretAccessKey'),
        sessionToken: v('sessionToken'),
        region: v('region') || 'us-east-1',
        service: v('service'),
      }
    default:
      notes.push(
        `${where}: ${str(auth.type)} authentication is not supported by Courier; set its auth by hand.`,
      )
      return { type: 'inherit' }
  }
}
