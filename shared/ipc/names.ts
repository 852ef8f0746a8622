/**
 * The names of every call and event, with no imports, so the sandboxed preload can
 * build its bridge without bundling the schemas. `contract.ts` must declare exactly
 * these (the compiler checks it with `satisfies`).
 */
export const CALL_NAMES = [
  'http:send',
  'http:cancel',
  'settings:get',
  'settings:update',
  'dialog:pickFile',
  'app:info',
] as const
export type CallName = (typeof CALL_NAMES)[number]

export const EVENT_NAMES = ['http:progress'] as const
export type EventName = (typeof EVENT_NAMES)[number]

/** Splits `domain:action`. */
export function splitCallName(name: CallName): [string, string] {
  const [domain, action] = name.split(':') as [string, string]
  return [domain, action]
}
