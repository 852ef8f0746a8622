// The formats of import and export, with no schema library: the command line's --help
// lists them without loading one.

/** The formats Courier reads; `auto` looks at the content. */
export const IMPORT_FORMATS = [
  'auto',
  'postman-collection',
  'postman-environment',
  'insomnia',
  'har',
  'openapi',
  'curl',
] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export const EXPORT_FORMATS = ['postman', 'har'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
