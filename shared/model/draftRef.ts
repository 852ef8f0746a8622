import * as z from 'zod'

/**
 * How a big body draft is referred to instead of carried whole. The open-tabs state
 * keeps texts over DRAFT_MIN_BYTES in files of their own, named by the SHA-256 of their
 * UTF-8 bytes; a `state:save` or `http:send` whose body did not change since the last
 * save names that file instead of sending the text again.
 */

/** Bodies bigger than this (UTF-8 bytes) are kept beside the settings file, not in it. */
export const DRAFT_MIN_BYTES = 256 * 1024

/** A text kept in a draft file: the SHA-256 (lowercase hex) of its UTF-8 bytes. */
export const DraftRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex'),
})
export type DraftRef = z.infer<typeof DraftRefSchema>
