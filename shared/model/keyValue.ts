import * as z from 'zod'

/** One row of a params, headers or form table as the user edited it. */
export const KeyValueRowSchema = z.object({
  /** The name exactly as typed: casing, spaces and encoding are kept. */
  key: z.string(),
  /** The value exactly as typed; may hold `{{variables}}`. */
  value: z.string(),
  /** A disabled row is kept in the request but not sent. */
  enabled: z.boolean().default(true),
})
export type KeyValueRow = z.infer<typeof KeyValueRowSchema>

/** Header pairs in wire order; repeated names (Set-Cookie) appear once per value. */
export const HeaderListSchema = z.array(z.tuple([z.string(), z.string()]))
export type HeaderList = z.infer<typeof HeaderListSchema>
