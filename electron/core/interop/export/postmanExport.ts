import postman from 'postman-collection'
import {
  effectiveAuth,
  inheritedHeaders,
  type InheritanceLevel,
} from '../../../../shared/logic/inheritance'
import type { KeyValueRow } from '../../../../shared/model/keyValue'
import type { RequestAuth, RequestBody } from '../../../../shared/model/request'
import type { VariableRow } from '../../../../shared/model/variables'
import { eventField, joinScripts } from './postmanEvents'
import type { InheritedDefaults, SavedRequest } from '../../../../shared/model/workspace'
import type { WorkspaceApi } from '../../workspace/workspaceApi'
import { readExportSource, type ExportFolder } from './exportTree'
import { postmanOAuth2Params } from './oauth2Export'
import { languageOfBody } from '../postmanRawBody'

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

type Json = Record<string, unknown>

function postmanAuth(auth: RequestAuth): Json | undefined {
  const kv = (pairs: Record<string, string>) =>
    Object.entries(pairs).map(([key, value]) => ({ key, value, type: 'string' }))
  switch (auth.type) {
    case 'inherit':
      return undefined
    case 'none':
      return { type: 'noauth' }
    case 'basic':
      return { type: 'basic', basic: kv({ username: auth.username, password: auth.password }) }
    case 'bearer':
      return { type: 'bearer', bearer: kv({ token: auth.token }) }
    case 'apikey':
      return { type: 'apikey', apikey: kv({ key: auth.key, value: auth.value, in: auth.in }) }
    case 'oauth2':
      return { type: 'oauth2', oauth2: kv(postmanOAuth2Params(auth)) }
    case 'digest':
      return { type: 'digest', digest: kv({ username: auth.username, password: auth.password }) }
    case 'ntlm':
      return {
        type: 'ntlm',
        ntlm: kv({
          username: auth.username,
          password: auth.password,
          domain: auth.domain,
          workstation: auth.workstation,
        }),
      }
    case 'awsv4':
      return {
        type: 'awsv4',
        awsv4: kv({
          accessKey: auth.accessKeyId,
          secretKey: auth.secretAccessKey,
          sessionToken: auth.sessionToken,
          region: auth.region,
          service: auth.service,
        }),
      }
  }
}

const rows = (list: readonly KeyValueRow[]) =>
  list.map((r) => ({ key: r.key, value: r.value, ...(r.enabled ? {} : { disabled: true }) }))

function variables(list: readonly VariableRow[]): Json[] {
  return list.map((v) => ({
    key: v.name,
    value: v.value,
    type: 'string',
    ...(v.enabled ? {} : { disabled: true }),
  }))
}

function postmanBody(body: RequestBody): Json | undefined {
  switch (body.type) {
    case 'none':
      return undefined
    case 'json':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } }
    case 'raw': {
      return { mode: 'raw', raw: body.text, options: { raw: { language: languageOfBody(body) } } }
    }
    case 'form':
      return {
        mode: 'urlencoded',
        urlencoded: rows(body.fields).map((r) => ({ ...r, type: 'text' })),
      }
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((p) => ({
          key: p.key,
          ...(p.kind === 'text' ? { value: p.value, type: 'text' } : { src: p.path, type: 'file' }),
          ...(p.contentType ? { contentType: p.contentType } : {}),
          ...(p.enabled ? {} : { disabled: true }),
        })),
      }
    case 'binary':
      return { mode: 'file', file: { src: body.path } }
  }
}

/** Postman has no folder headers: inherited ones are written on each request, after which they are its own. */
function postmanItem(request: SavedRequest, chain: readonly InheritanceLevel[]): Json {
  const inherited = inheritedHeaders(request, chain).map((h) => ({
    key: h.key,
    value: h.value,
    enabled: true,
  }))
  const headers = [...inherited, ...request.headers]
  const hasType = headers.some((h) => h.enabled && h.key.trim().toLowerCase() === 'content-type')
  // Postman sends a raw body's Content-Type from its language; ours is exact, so it is a header.
  const bodyType =
    request.body.type === 'raw' || (request.body.type === 'binary' && request.body.contentType)
      ? (request.body.contentType ?? '')
      : ''
  if (bodyType !== '' && !hasType)
    headers.push({ key: 'Content-Type', value: bodyType, enabled: true })

  const enabledParams = request.params.filter((p) => p.enabled && (p.key !== '' || p.value !== ''))
  const query = enabledParams.map((p) => `${p.key}=${p.value}`).join('&')
  const raw =
    query === '' ? request.url : `${request.url}${request.url.includes('?') ? '&' : '?'}${query}`
  const url = postman.Url.parse(raw) as unknown as Json
  const ownQuery = (url.query as Json[] | undefined) ?? []
  // The URL's own pairs as typed, then every param row, disabled ones marked.
  const fromUrl = ownQuery.slice(0, ownQuery.length - enabledParams.length)
  url.query = [...fromUrl, ...rows(request.params)]
  if ((url.query as Json[]).length === 0) delete url.query
  url.raw = raw

  const auth = postmanAuth(request.auth)
  const body = postmanBody(request.body)
  const s = request.settings
  const behavior: Json = {}
  if (s.followRedirects !== undefined) behavior.followRedirects = s.followRedirects
  if (s.maxRedirects !== undefined) behavior.maxRedirects = s.maxRedirects
  if (s.verifyTls !== undefined) behavior.strictSSL = s.verifyTls
  return {
    name: request.name,
    ...(request.variables.length > 0 ? { variable: variables(request.variables) } : {}),
    ...(Object.keys(behavior).length > 0 ? { protocolProfileBehavior: behavior } : {}),
    ...eventField(request.scripts),
    request: {
      method: request.method,
      header: rows(headers),
      url,
      ...(body ? { body } : {}),
      ...(auth ? { auth } : {}),
    },
    response: [],
  }
}

function folderItems(folder: ExportFolder, chain: InheritanceLevel[]): Json[] {
  const level: InheritanceLevel = { name: folder.name, kind: 'folder', defaults: folder.defaults }
  const inner = [...chain, level]
  return [
    ...folder.folders.map((f) => ({
      name: f.name,
      item: folderItems(f, inner),
      ...levelFields(f.defaults),
    })),
    ...folder.requests.map((r) => postmanItem(r.request, inner)),
  ]
}

function levelFields(defaults: InheritedDefaults): Json {
  const auth = postmanAuth(defaults.auth)
  return {
    ...(auth ? { auth } : {}),
    ...(defaults.variables.length > 0 ? { variable: variables(defaults.variables) } : {}),
    ...eventField(defaults.scripts),
  }
}

/**
 * A folder ('' = the whole workspace) as a Postman v2.1 collection: nested items, folder
 * auth and variables on the folders, inherited headers on each request (Postman has no
 * folder headers). Secret variable values and literal credentials are empty.
 *
 * @throws WorkspaceError when no folder has that path.
 */
export async function exportPostman(workspace: WorkspaceApi, folder: string): Promise<string> {
  const source = await readExportSource(workspace, folder)
  // The levels above the exported folder become the collection's own auth and variables.
  const above = source.ancestors
  const topDefaults: InheritedDefaults = {
    headers: [],
    auth: effectiveAuth(source.root.defaults.auth, above).auth,
    variables: [...above.flatMap((l) => l.defaults.variables), ...source.root.defaults.variables],
    scripts: joinScripts([...above.map((l) => l.defaults.scripts), source.root.defaults.scripts]),
  }
  if (source.root.defaults.auth.type === 'inherit' && topDefaults.auth.type === 'none')
    topDefaults.auth = { type: 'inherit' }
  const collection = {
    info: { name: source.name, schema: POSTMAN_SCHEMA },
    item: folderItems(source.root, above),
    ...levelFields(topDefaults),
  }
  return JSON.stringify(collection, null, 2) + '\n'
}
