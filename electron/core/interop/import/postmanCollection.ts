// postman-collection ships its types in types/index.d.ts without naming them in package.json.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../../node_modules/postman-collection/types/index.d.ts" />
import postman from 'postman-collection'
import type { KeyValueRow } from '../../../../shared/model/keyValue'
import type { RequestBody } from '../../../../shared/model/request'
import type { VariableRow } from '../../../../shared/model/variables'
import type { ImportedFolder, ImportResult } from '../interopTypes'
import { bodyOfRaw } from '../postmanRawBody'
import { postmanAuth } from './postmanAuth'
import { postmanScripts } from './postmanScripts'
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

// A CommonJS package: its classes come from the default export under Node's ESM loader.
const { HeaderList, Url } = postman

/**
 * A request's URL, headers and method as Postman's SDK reads them (a request may be a bare
 * URL; `header` an array or a "Key: value" block; no method is GET). Only the SDK's Url and
 * HeaderList are made: its Request would also parse the body, auth, proxy and certificate,
 * which readItem reads itself, and fill its headers twice: about half an import's time,
 * which `courier run` pays for every request of a collection before the first is sent.
 */
function sdkParts(raw: unknown) {
  const json = typeof raw === 'string' ? { url: raw } : obj(raw)
  const method = json.method === undefined || json.method === null ? 'GET' : String(json.method)
  return {
    json,
    method: method.toUpperCase(),
    url: new Url(json.url as ConstructorParameters<typeof Url>[0]),
    headers: new HeaderList(null, json.header as ConstructorParameters<typeof HeaderList>[1]),
  }
}

/** A Postman collection v2.0 or v2.1: folders walked here, each request read by Postman's SDK. */
export function importPostmanCollection(data: Obj): ImportResult {
  const info = obj(data.info)
  const version = /v2\.0/.test(str(info.schema)) ? '2.0' : '2.1'
  const notes: string[] = []
  const name = cleanName(info.name, 'Postman collection')
  const root = readGroup({ ...data, description: info.description }, name, notes, '', 0)
  return { format: `postman-collection v${version}`, root, environments: [], notes }
}

function describe(where: string, description: unknown, notes: string[]): void {
  const content = (isObj(description) ? str(description.content) : str(description)).trim()
  if (content)
    notes.push(`${where}: its description was not carried over ("${content.slice(0, 80)}").`)
}

function readGroup(
  group: Obj,
  name: string,
  notes: string[],
  path: string,
  depth: number,
): ImportedFolder {
  const folder = emptyFolder(name)
  const where = path ? `Folder "${path}"` : `Collection "${name}"`
  describe(where, group.description, notes)
  const scripts = postmanScripts(group.event, where, notes)
  const variables: VariableRow[] = arr(group.variable)
    .filter(isObj)
    .map((v) => variable(str(v.key), v.value, v.disabled !== true))
  const auth = postmanAuth(group.auth, where, notes)
  if (variables.length > 0 || auth.type !== 'inherit' || scripts)
    folder.defaults = { headers: [], auth, variables, ...(scripts && { scripts }) }
  // Kept for runs, which follow the collection's order of requests and folders.
  const order: NonNullable<ImportedFolder['order']> = []
  folder.order = order
  for (const child of arr(group.item).filter(isObj)) {
    const childName = cleanName(child.name, 'Untitled')
    const childPath = path ? `${path}/${childName}` : childName
    if (Array.isArray(child.item) && depth < 60) {
      order.push({ kind: 'folder', index: folder.folders.length })
      folder.folders.push(readGroup(child, childName, notes, childPath, depth + 1))
    } else if (child.request !== undefined) {
      order.push({ kind: 'request', index: folder.requests.length })
      const id =
        typeof child.id === 'string' && child.id !== '' ? child.id.slice(0, 200) : undefined
      ;(folder.sourceIds ??= [])[folder.requests.length] = id
      folder.requests.push(readItem(child, childName, notes, childPath))
    } else {
      notes.push(`"${childPath}" is neither a request nor a folder and was skipped.`)
    }
  }
  return folder
}

function readItem(raw: Obj, name: string, notes: string[], path: string) {
  const where = `Request "${path}"`
  const { json, method, url, headers: headerList } = sdkParts(raw.request)
  describe(where, json.description, notes)
  const scripts = postmanScripts(raw.event, where, notes)
  // Postman's SDK writes each path variable's value into the URL (url.toString() below); one
  // without a value stays as written (:id), which is what Postman sends too.
  const pathVariables = arr(obj(json.url).variable).filter(isObj)
  const unset = pathVariables.filter((v) => str(v.value) === '').map((v) => `:${str(v.key)}`)
  if (pathVariables.length > unset.length)
    notes.push(
      `${where}: its path variables' values were written into its path (${url.getPath()}).`,
    )
  if (unset.length > 0)
    notes.push(
      `${where}: ${unset.length === 1 ? `its path variable ${unset[0]} has` : `its path variables ${unset.join(', ')} have`} no value: left in the URL as written, as Postman sends it. Give the value in the URL.`,
    )
  if (arr(raw.response).length > 0)
    notes.push(`${where}: its saved example responses were not imported.`)
  // Ours to change: its query goes to params, the rest is the URL.
  const params: KeyValueRow[] = url.query
    .all()
    .map((q: { key: string | null; value: string | null; disabled?: boolean }) =>
      row(q.key, q.value ?? '', q.disabled !== true),
    )
  url.query.clear()
  const headers = headerList
    .all()
    .map((h: { key: string; value: string; disabled?: boolean }) =>
      row(h.key, h.value, h.disabled !== true),
    )
  const body = readBody(json.body, where, notes)
  const auth = postmanAuth(json.auth, where, notes)
  const variables = arr(raw.variable)
    .filter(isObj)
    .map((v) => variable(str(v.key), v.value, v.disabled !== true))
  return savedRequest(
    name,
    {
      method: cleanMethod(method),
      url: url.toString(),
      params,
      headers,
      body,
      auth,
      ...(scripts && { scripts }),
    },
    variables,
  )
}

function readBody(value: unknown, where: string, notes: string[]): RequestBody {
  if (!isObj(value) || value.disabled === true) return { type: 'none' }
  const mode = str(value.mode)
  switch (mode) {
    case 'raw': {
      const text = str(value.raw)
      return bodyOfRaw(text, str(obj(obj(value.options).raw).language))
    }
    case 'urlencoded':
      return {
        type: 'form',
        fields: arr(value.urlencoded)
          .filter(isObj)
          .map((f) => row(f.key, f.value, f.disabled !== true)),
      }
    case 'formdata':
      return {
        type: 'multipart',
        parts: arr(value.formdata)
          .filter(isObj)
          .map((f) => {
            const enabled = f.disabled !== true
            const contentType = str(f.contentType) || undefined
            if (str(f.type) === 'file') {
              const src = Array.isArray(f.src) ? str(f.src[0]) : str(f.src)
              notes.push(
                `${where}: the file "${src}" of field "${str(f.key)}" must be confirmed before sending.`,
              )
              return { kind: 'file' as const, key: str(f.key), path: src, enabled, contentType }
            }
            return {
              kind: 'text' as const,
              key: str(f.key),
              value: str(f.value),
              enabled,
              contentType,
            }
          }),
      }
    case 'file': {
      const src = str(obj(value.file).src)
      notes.push(`${where}: the body file "${src}" must be confirmed before sending.`)
      return { type: 'binary', path: src }
    }
    case 'graphql': {
      const gql = obj(value.graphql)
      let variables: unknown = {}
      try {
        variables = str(gql.variables) ? JSON.parse(str(gql.variables)) : {}
      } catch {
        variables = str(gql.variables)
      }
      notes.push(`${where}: its GraphQL body became a JSON body {"query", "variables"}.`)
      return { type: 'json', text: JSON.stringify({ query: str(gql.query), variables }, null, 2) }
    }
    case '':
      return { type: 'none' }
    default:
      notes.push(`${where}: the body mode "${mode}" is not supported; the body was left empty.`)
      return { type: 'none' }
  }
}
