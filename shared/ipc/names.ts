import type { CallErrorShape } from './callError'

/**
 * The names of every call and event, with no runtime imports, so the sandboxed preload can
 * build its bridge without bundling the schemas. `contract.ts` must declare exactly
 * these (the compiler checks it with `satisfies`).
 */
export const CALL_NAMES = [
  'http:send',
  'http:cancel',
  'settings:get',
  'settings:update',
  'dialog:pickFile',
  'dialog:pickFolder',
  'app:info',
  'state:get',
  'state:save',
  'workspace:snapshot',
  'workspace:open',
  'workspace:create',
  'workspace:recent',
  'workspace:readRequest',
  'workspace:saveRequest',
  'workspace:createFolder',
  'workspace:rename',
  'workspace:move',
  'workspace:duplicate',
  'workspace:delete',
  'workspace:undoDelete',
  'workspace:saveDefaults',
  'env:save',
  'env:delete',
  'env:setActive',
  'history:list',
  'history:get',
  'history:delete',
  'history:deleteMatching',
  'history:clear',
  'history:exportHar',
  'history:getRetention',
  'history:setRetention',
  'history:runs',
  'history:run',
  'history:deleteRun',
  'interop:import',
  'interop:parseCurl',
  'interop:export',
  'interop:languages',
  'interop:code',
  'body:open',
  'body:lines',
  'body:search',
  'body:path',
  'body:filter',
  'body:save',
  'body:release',
  'globals:get',
  'globals:update',
  'run:start',
  'run:filesToConfirm',
  'run:stop',
  'run:readData',
  'run:execution',
  'run:export',
  'files:allow',
  'cookies:list',
  'cookies:add',
  'cookies:update',
  'cookies:delete',
  'cookies:deleteDomain',
  'cookies:clear',
  'proxy:test',
  'tls:test',
  'oauth2:status',
  'oauth2:fetch',
  'oauth2:cancel',
  'oauth2:clear',
] as const
export type CallName = (typeof CALL_NAMES)[number]

export const EVENT_NAMES = [
  'http:progress',
  'body:progress',
  'history:added',
  'workspace:changed',
  'run:event',
] as const
export type EventName = (typeof EVENT_NAMES)[number]

/** Splits `domain:action`. */
export function splitCallName(name: CallName): [string, string] {
  const [domain, action] = name.split(':') as [string, string]
  return [domain, action]
}

/**
 * How the Electron shell answers a call: the result, or the error's code and message.
 * An envelope, not a thrown error: contextBridge would keep an error's message only.
 */
export type IpcEnvelope = { ok: true; result: unknown } | { ok: false; error: CallErrorShape }
