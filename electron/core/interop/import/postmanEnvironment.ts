import type { ImportResult } from '../interopTypes'
import { arr, cleanName, emptyFolder, isObj, str, variable, type Obj } from './importHelpers'

/** A Postman environment or globals export as one Courier environment. */
export function importPostmanEnvironment(data: Obj): ImportResult {
  const globals = str(data._postman_variable_scope) === 'globals'
  const name = cleanName(data.name, globals ? 'Postman globals' : 'Postman environment')
  const notes: string[] = []
  if (globals)
    notes.push(
      `Postman globals became the environment "${name}"; move them to Courier's globals if you want them everywhere.`,
    )
  const variables = arr(data.values)
    .filter(isObj)
    .map((v) => {
      const key = str(v.key)
      const secret = str(v.type) === 'secret'
      if (secret)
        notes.push(
          `Environment "${name}": the secret "${key}" was imported without its value; enter it in Courier.`,
        )
      return variable(key, v.value, v.enabled !== false, secret)
    })
  return {
    format: globals ? 'postman-globals' : 'postman-environment',
    root: emptyFolder(name),
    environments: [{ schemaVersion: 1, name, variables }],
    notes,
  }
}
