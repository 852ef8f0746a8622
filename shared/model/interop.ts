import * as z from 'zod'
import { RequestSpecSchema } from './request'

export * from './interopFormats'

/** What an import did: counts, where it went, and everything it could not carry over. */
export const ImportReportSchema = z.object({
  /** The format that was read, e.g. `postman-collection v2.1`. */
  format: z.string(),
  /** Folder the import was written into (relative to the workspace root, '' = root). */
  folder: z.string(),
  requests: z.number().int(),
  folders: z.number().int(),
  environments: z.number().int(),
  /** One line per thing not carried over or changed on the way, naming the item. */
  notes: z.array(z.string()),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

/** A pasted curl command turned into a request, with what could not be carried over. */
export const ParsedCurlSchema = z.object({
  spec: RequestSpecSchema,
  notes: z.array(z.string()),
})
export type ParsedCurl = z.infer<typeof ParsedCurlSchema>

/** Languages the Code panel offers: id for the CLI and the picker, label for people. */
export const CodeLanguageSchema = z.object({ id: z.string(), label: z.string() })
export type CodeLanguage = z.infer<typeof CodeLanguageSchema>
