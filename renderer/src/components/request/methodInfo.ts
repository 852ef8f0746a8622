/** One line on what each common method does, shown in the method picker. */
export const METHOD_DESCRIPTIONS: Record<string, string> = {
  GET: 'Reads a resource. Safe and idempotent; sends no body.',
  POST: 'Creates a resource or runs an action. Not idempotent: repeating it may create twice.',
  PUT: 'Replaces the whole resource with the body sent. Idempotent.',
  PATCH: 'Changes only the fields sent; the rest stay as they are.',
  DELETE: 'Removes the resource. Idempotent.',
  HEAD: 'Like GET but returns only the headers, no body.',
  OPTIONS: 'Asks which methods and headers the server allows (CORS preflight).',
}

/** CSS colour variable for a method's label. */
export function methodColor(method: string): string {
  const known = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
  return known.includes(method) ? `var(--method-${method.toLowerCase()})` : 'var(--method-other)'
}

/** A method is one RFC 9110 token: letters, digits and a few symbols. */
export function isMethodToken(text: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(text)
}
