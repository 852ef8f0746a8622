/** Pure formatting for the response viewer: sizes, durations, status lines, body kinds. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB']

/** Three significant digits, trailing zeros dropped: 1.5, 12.4, 124. */
function threeDigits(value: number): string {
  const decimals = value < 10 ? 2 : value < 100 ? 1 : 0
  return String(Number(value.toFixed(decimals)))
}

/** A byte count for people, with 1 KB = 1024 B: `512 B`, `1.5 KB`, `12.4 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes) || 0)} B`
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  // 1023.9 KB would round to "1024 KB"; say "1 MB" instead.
  if (Number(threeDigits(value)) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return `${threeDigits(value)} ${UNITS[unit]}`
}

/** A duration in milliseconds for people: `0.4 ms`, `123 ms`, `1.24 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 ms'
  if (ms < 10) return `${Number(ms.toFixed(1))} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return seconds === 60 ? `${minutes + 1} min 0 s` : `${minutes} min ${seconds} s`
}

/** The status family, as a class name: `status-2xx`; `status-other` outside 100–599. */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `status-${Math.floor(status / 100)}xx` : 'status-other'
}

const REASONS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * `200 OK`. HTTP/2 sends no reason phrase, so an empty one falls back to the standard
 * phrase for common codes, and to the bare number otherwise.
 */
export function statusLine(status: number, statusText: string): string {
  const reason = statusText.trim() || REASONS[status] || ''
  return reason ? `${status} ${reason}` : String(status)
}

/** How the body viewer treats a media type. */
export type BodyKind = 'json' | 'xml' | 'html' | 'image' | 'text'

/** The kind of a body from its media type (without parameters). */
export function bodyKind(mediaType: string): BodyKind {
  const type = mediaType.trim().toLowerCase()
  if (type.startsWith('image/')) return 'image'
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (/[/+]json$/.test(type)) return 'json'
  if (/[/+]xml$/.test(type)) return 'xml'
  return 'text'
}

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/html': 'html',
  'application/xhtml+xml': 'xhtml',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/css': 'css',
  'text/javascript': 'js',
  'application/javascript': 'js',
  'text/markdown': 'md',
  'application/yaml': 'yaml',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
}

/** A file name extension for a saved body: `json`, `png`; `txt` or `bin` when unknown. */
export function fileExtension(mediaType: string, encoding: 'utf8' | 'base64'): string {
  const type = mediaType.trim().toLowerCase()
  const known = EXTENSIONS[type]
  if (known) return known
  if (type.endsWith('+json')) return 'json'
  if (type.endsWith('+xml')) return 'xml'
  return encoding === 'utf8' ? 'txt' : 'bin'
}

/** The bytes of a base64 text (for saving a binary body). */
export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The first bytes of a binary body as a classic hex dump: offset, 16 bytes in hex, and
 * their printable ASCII (anything else as a dot), so a binary body is never mojibake.
 */
export function hexDump(bytes: Uint8Array, max = 512, totalBytes = bytes.length): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, max)
  for (let at = 0; at < end; at += 16) {
    const row = bytes.subarray(at, Math.min(at + 16, end))
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ')
    const text = [...row]
      .map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'))
      .join('')
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${text}|`)
  }
  const shown = Math.min(bytes.length, max)
  if (totalBytes > shown) lines.push(`… ${(totalBytes - shown).toLocaleString('en-US')} more bytes`)
  return lines.join('\n')
}
