import postman from 'postman-collection'

/**
 * A value for `name` if it is one of Postman's dynamic variables ($guid, $randomEmail, ...),
 * made by postman-collection's own generators, a new one at each call; undefined for a name
 * it does not know (it stays unresolved, and the send says so).
 */
export function dynamicValue(name: string): string | undefined {
  const placeholder = `{{${name}}}`
  const value = postman.Property.replaceSubstitutions(placeholder, [])
  return typeof value === 'string' && value !== placeholder ? value : undefined
}
