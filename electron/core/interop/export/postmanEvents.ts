import type { Scripts } from '../../../../shared/model/scripts'

type Json = Record<string, unknown>

/** Scripts as a Postman `event` list (`prerequest`, `test`), lines as `exec`; empty ones left out. */
export function postmanEvents(scripts: Scripts | undefined): Json[] {
  if (!scripts) return []
  const events: Json[] = []
  for (const [listen, source] of [
    ['prerequest', scripts.preRequest],
    ['test', scripts.postResponse],
  ] as const) {
    if (source.trim() === '') continue
    events.push({ listen, script: { type: 'text/javascript', exec: source.split('\n') } })
  }
  return events
}

/** `{ event }` for a spread, or nothing when there are no scripts. */
export function eventField(scripts: Scripts | undefined): Json {
  const event = postmanEvents(scripts)
  return event.length > 0 ? { event } : {}
}

/** The scripts of several levels run as one (the levels above an exported folder). */
export function joinScripts(levels: readonly (Scripts | undefined)[]): Scripts | undefined {
  const join = (key: keyof Scripts) =>
    levels
      .map((s) => s?.[key] ?? '')
      .filter((source) => source.trim() !== '')
      .join('\n')
  const joined = { preRequest: join('preRequest'), postResponse: join('postResponse') }
  return joined.preRequest || joined.postResponse ? joined : undefined
}
