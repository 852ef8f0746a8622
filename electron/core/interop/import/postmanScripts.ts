import type { Scripts } from '../../../../shared/model/scripts'
import { arr, isObj, obj, str } from './importHelpers'

/**
 * A Postman `event` list as Courier scripts: `prerequest` becomes the pre-request script,
 * `test` the post-response one, each kept as written (Courier runs the `pm.*` API). Several
 * events of one kind are joined in order; disabled ones are left out and noted. Undefined
 * when there is no script.
 */
export function postmanScripts(
  events: unknown,
  where: string,
  notes: string[],
): Scripts | undefined {
  const found: Scripts = { preRequest: '', postResponse: '' }
  for (const event of arr(events).filter(isObj)) {
    const listen = str(event.listen)
    const key = listen === 'prerequest' ? 'preRequest' : listen === 'test' ? 'postResponse' : null
    if (!key) {
      if (listen)
        notes.push(
          `${where}: its "${listen}" script was not carried over (not a Postman script Courier runs).`,
        )
      continue
    }
    const script = obj(event.script)
    const exec = script.exec
    const source = Array.isArray(exec) ? exec.map((line) => str(line)).join('\n') : str(exec)
    if (source.trim() === '') continue
    if (event.disabled === true) {
      notes.push(`${where}: its disabled ${listen} script was not carried over.`)
      continue
    }
    found[key] = found[key] ? `${found[key]}\n${source}` : source
  }
  return found.preRequest || found.postResponse ? found : undefined
}
