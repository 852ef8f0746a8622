import postman from 'postman-collection'

/**
 * A value for each of these names that is one of Postman's dynamic variables ($guid,
 * $randomEmail, ...), made by postman-collection's own generators; names it does not know
 * are left out (they stay unresolved, and the send says so).
 */
export function dynamicValues(names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const name of names) {
    const placeholder = `{{${name}}}`
    const value = postman.Property.replaceSubstitutions(placeholder, [])
    if (typeof value === 'string' && value !== placeholder) values[name] = value
  }
  return values
}
