/**
 * Characters XML 1.0 cannot hold, not even as `&#n;` references: C0 controls but tab, LF
 * and CR; U+FFFE and U+FFFF; and UTF-16 halves without their pair. A response or a script
 * message may carry any of them, and one would make the whole report unreadable.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text that XML 1.0 can hold: each forbidden character written out as `\uXXXX`, so the
 * reader still sees it was there. Markup characters stay; the XML builder escapes them.
 */
export function xmlSafe(text: string): string {
  return text.replace(
    NOT_XML,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}
