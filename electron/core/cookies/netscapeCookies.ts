import type { CookieJar } from 'tough-cookie'
import { expiryMs, isAlive } from './cookieExpiry'
import { Cookie } from 'tough-cookie'

/** The first line curl writes: readers (curl -b, wget) take the file for a cookie file. */
const HEADER =
  '# Netscape HTTP Cookie File\n# Written by Courier. This file holds credentials: keep it private.\n'
/** curl marks an HttpOnly cookie by this prefix on the domain field. */
const HTTP_ONLY = '#HttpOnly_'

/** A line of a cookie file that is not one: names the line so it can be fixed. */
export class CookieFileError extends Error {}

function flag(value: boolean): string {
  return value ? 'TRUE' : 'FALSE'
}

/** One cookie as curl writes it: seven tab-separated fields, 0 for a session cookie. */
function toLine(cookie: Cookie): string {
  const at = expiryMs(cookie)
  const expires = at === null ? 0 : Math.floor(at / 1000)
  const domain = cookie.hostOnly ? cookie.domain! : `.${cookie.domain!}`
  return [
    `${cookie.httpOnly ? HTTP_ONLY : ''}${domain}`,
    flag(!cookie.hostOnly),
    cookie.path ?? '/',
    flag(cookie.secure),
    String(expires),
    cookie.key,
    cookie.value,
  ].join('\t')
}

/**
 * The jar in the Netscape cookie-file format curl's -b and -c read and write. Expired
 * cookies are left out, as curl does.
 */
export async function toNetscapeFile(jar: CookieJar): Promise<string> {
  const cookies = (await jar.serialize()).cookies
    .map((json) => Cookie.fromJSON(json))
    .filter((cookie): cookie is Cookie => cookie != null && cookie.domain != null)
    .filter((cookie) => isAlive(cookie))
  return HEADER + '\n' + cookies.map((cookie) => toLine(cookie) + '\n').join('')
}

function parseFlag(value: string, what: string, lineNumber: number): boolean {
  const upper = value.toUpperCase()
  if (upper === 'TRUE') return true
  if (upper === 'FALSE') return false
  throw new CookieFileError(`line ${lineNumber}: ${what} is "${value}", not TRUE or FALSE`)
}

/** One cookie line, or null for a blank line or a comment. */
function parseLine(line: string, lineNumber: number): Cookie | null {
  let text = line.replace(/\r$/, '')
  let httpOnly = false
  if (text.startsWith(HTTP_ONLY)) {
    httpOnly = true
    text = text.slice(HTTP_ONLY.length)
  } else if (text.trim() === '' || text.startsWith('#')) {
    return null
  }
  const fields = text.split('\t')
  // curl writes an empty value as a trailing tab; some writers leave the field out.
  if (fields.length === 6) fields.push('')
  if (fields.length !== 7) {
    throw new CookieFileError(
      `line ${lineNumber} has ${fields.length} tab-separated fields; a cookie line has 7 (domain, subdomains, path, secure, expiry, name, value)`,
    )
  }
  const [domainField, subdomains, path, secure, expires, key, value] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  if (!/^\d+$/.test(expires)) {
    throw new CookieFileError(
      `line ${lineNumber}: the expiry "${expires}" is not a number of seconds`,
    )
  }
  const domain = domainField.replace(/^\./, '').toLowerCase()
  if (domain === '') throw new CookieFileError(`line ${lineNumber} has no domain`)
  const seconds = Number(expires)
  return new Cookie({
    key,
    value,
    domain,
    // A domain cookie (TRUE) goes to the subdomains too; FALSE is the host's own.
    hostOnly: !parseFlag(subdomains, 'the subdomains field', lineNumber),
    path: path === '' ? '/' : path,
    secure: parseFlag(secure, 'the secure field', lineNumber),
    httpOnly,
    expires: seconds === 0 ? 'Infinity' : new Date(seconds * 1000),
  })
}

/**
 * Reads a Netscape cookie file (curl -c, wget --save-cookies, browser exports) into the
 * jar. Expired cookies are skipped. A malformed line throws CookieFileError naming it.
 */
export async function readNetscapeFile(text: string, jar: CookieJar): Promise<number> {
  const now = Date.now()
  let kept = 0
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    const cookie = parseLine(line, index + 1)
    if (!cookie) continue
    if (cookie.expires instanceof Date && cookie.expires.getTime() <= now) continue
    const url = `${cookie.secure ? 'https' : 'http'}://${cookie.domain!}${cookie.path!}`
    try {
      await jar.setCookie(cookie, url)
      kept++
    } catch (error) {
      throw new CookieFileError(
        `line ${index + 1}: the cookie "${cookie.key}" for ${cookie.domain!} was refused (${error instanceof Error ? error.message : String(error)})`,
      )
    }
  }
  return kept
}
