/**
 * Format steps of the saved open tabs (see AppStateService). Each takes the document as
 * it was written and gives the next version; the text of draft files is not read here.
 */

/** Version 1 marked a big text as this prefix and the SHA-256 of its draft file. */
const V1_DRAFT_PREFIX = '\u0000courier-draft:sha256:'
const HASH = /^[0-9a-f]{64}$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A version-1 marker as a typed reference, or null for a text of its own. */
function v1Ref(text: unknown): { sha256: string } | null {
  if (typeof text !== 'string' || !text.startsWith(V1_DRAFT_PREFIX)) return null
  const hash = text.slice(V1_DRAFT_PREFIX.length)
  return HASH.test(hash) ? { sha256: hash } : null
}

/** 1 -> 2: the NUL-prefixed marker in a body or baseline becomes `bodyDraft`/`baselineDraft`. */
function typedDraftRefs(doc: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(doc.tabs)) return doc
  const tabs = doc.tabs.map((tab: unknown) => {
    if (!isRecord(tab)) return tab
    const out: Record<string, unknown> = { ...tab }
    const baseline = v1Ref(tab.baseline)
    if (baseline) Object.assign(out, { baseline: '', baselineDraft: baseline })
    const spec = tab.spec
    const body = isRecord(spec) && isRecord(spec.body) ? spec.body : null
    const bodyRef = v1Ref(body?.text)
    if (bodyRef) {
      out.spec = { ...(spec as Record<string, unknown>), body: { ...body, text: '' } }
      out.bodyDraft = bodyRef
    }
    return out
  })
  return { ...doc, tabs }
}

export const APP_STATE_MIGRATIONS = { 1: typedDraftRefs }
