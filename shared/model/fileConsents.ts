import * as z from 'zod'

/** Version of `file-consents.json`; raise it (with a migration) when its shape changes. */
export const FILE_CONSENTS_VERSION = 1

/**
 * The local files the user confirmed for upload, per workspace, on this machine only:
 * `file-consents.json` in the data directory, never in the shared workspace files (a
 * repository could otherwise ship its own consent to `.ssh/id_rsa`).
 */
export const FileConsentsSchema = z.object({
  schemaVersion: z.literal(FILE_CONSENTS_VERSION),
  /**
   * Absolute workspace folder ('' for requests outside a workspace) -> the absolute
   * paths, symbolic links resolved, of the files its requests may upload.
   */
  scopes: z.record(z.string(), z.array(z.string())),
})
export type FileConsents = z.infer<typeof FileConsentsSchema>
