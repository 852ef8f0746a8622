/** A piece of text, marked when it is a `{{variable}}` placeholder. */
export interface Segment {
  text: string
  variable: boolean
}

/** Splits text into plain runs and `{{name}}` placeholders, for highlighting. */
export function variableSegments(text: string): Segment[] {
  const out: Segment[] = []
  const pattern = /\{\{\s*[^{}\s]+\s*\}\}/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index), variable: false })
    out.push({ text: match[0], variable: true })
    last = match.index + match[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), variable: false })
  return out
}
