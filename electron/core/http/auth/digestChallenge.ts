/**
 * Reads the Digest challenges out of WWW-Authenticate values (RFC 7235 §4.1 syntax:
 * several challenges may share one header, parameters may be quoted strings holding
 * commas and backslash escapes).
 */

/** One challenge: its scheme and its parameters (names lower case). */
export interface Challenge {
  scheme: string
  params: Map<string, string>
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*(?=\s*(,|$))/

/** Every challenge in the given header values, in order. Unparsable text is skipped. */
export function parseChallenges(values: readonly string[]): Challenge[] {
  const out: Challenge[] = []
  for (const value of values) out.push(...parseOne(value))
  return out
}

function parseOne(text: string): Challenge[] {
  const challenges: Challenge[] = []
  let rest = text
  let current: Challenge | null = null
  const skip = (re: RegExp) => {
    rest = rest.replace(re, '')
  }
  while (rest.length > 0) {
    skip(/^[\s,]+/)
    if (rest === '') break
    const token = TOKEN.exec(rest)?.[0]
    if (!token) {
      // Not a token where one should be: give up on the rest rather than misread it.
      break
    }
    const after = rest.slice(token.length)
    const param = /^\s*=\s*/.exec(after)
    if (param && current) {
      rest = after.slice(param[0].length)
      const [value, remaining] = readValue(rest)
      current.params.set(token.toLowerCase(), value)
      rest = remaining
      continue
    }
    // A token not followed by "=" starts a new challenge.
    current = { scheme: token, params: new Map() }
    challenges.push(current)
    rest = after
    skip(/^\s+/)
    // A token68 credential (e.g. `Negotiate abc==`) is not a parameter list.
    const t68 = TOKEN68.exec(rest)
    if (t68) rest = rest.slice(t68[0].length)
  }
  return challenges
}

/** A quoted-string (unescaped) or a token, and the text after it. */
function readValue(text: string): [string, string] {
  if (text.startsWith('"')) {
    let value = ''
    for (let i = 1; i < text.length; i++) {
      const c = text[i]!
      if (c === '\\' && i + 1 < text.length) {
        value += text[++i]
      } else if (c === '"') {
        return [value, text.slice(i + 1)]
      } else {
        value += c
      }
    }
    return [value, '']
  }
  const token = /^[^\s,]*/.exec(text)![0]
  return [token, text.slice(token.length)]
}
