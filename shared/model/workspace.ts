import * as z from 'zod'
import { AssertionSchema } from './assertion'
import { ScriptsSchema } from './scripts'
import { KeyValueRowSchema } from './keyValue'
import { RequestAuthSchema, RequestSpecSchema, type RequestSpec } from './request'
import { VariableRowSchema } from './variables'

/** The current version of every workspace file (manifest, folder, request, environment). */
export const WORKSPACE_SCHEMA_VERSION = 1

/** What a folder (or the workspace itself) gives the requests inside it. */
export const InheritedDefaultsSchema = z.object({
  /** Headers sent with every request inside; a request header of the same name wins. */
  headers: z.array(KeyValueRowSchema).default([]),
  /** Auth for requests inside whose auth is `inherit`; `inherit` here looks further up. */
  auth: RequestAuthSchema.default({ type: 'inherit' }),
  variables: z.array(VariableRowSchema).default([]),
  /** Assertions every request inside runs too, before its own. */
  assertions: z.array(AssertionSchema).max(500).optional(),
  /** Scripts every request inside runs, before its own (workspace first, then folders). */
  scripts: ScriptsSchema.optional(),
})
export type InheritedDefaults = z.infer<typeof InheritedDefaultsSchema>

/** `courier.json` at the root of a workspace folder. */
export const WorkspaceManifestSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION).default(WORKSPACE_SCHEMA_VERSION),
  name: z.string().min(1),
  defaults: InheritedDefaultsSchema.default(InheritedDefaultsSchema.parse({})),
})
export type WorkspaceManifest = z.infer<typeof WorkspaceManifestSchema>

/** `folder.json` inside a folder's directory (optional; absent = no defaults). */
export const FolderFileSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION).default(WORKSPACE_SCHEMA_VERSION),
  defaults: InheritedDefaultsSchema.default(InheritedDefaultsSchema.parse({})),
})
export type FolderFile = z.infer<typeof FolderFileSchema>

/** A saved request: the spec plus its name and request-local variables. */
export const SavedRequestSchema = RequestSpecSchema.extend({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION).default(WORKSPACE_SCHEMA_VERSION),
  /** Shown in the tree; the file name is derived from it. */
  name: z.string().min(1),
  /** Request-local values: the strongest scope. */
  variables: z.array(VariableRowSchema).default([]),
})
export type SavedRequest = z.infer<typeof SavedRequestSchema>

/** An environment file under `environments/`. */
export const EnvironmentSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION).default(WORKSPACE_SCHEMA_VERSION),
  name: z.string().min(1),
  variables: z.array(VariableRowSchema).default([]),
})
export type Environment = z.infer<typeof EnvironmentSchema>

/**
 * A node of the workspace tree. `path` is the node's path relative to the workspace root,
 * with `/` separators (e.g. `Users/Update user.request.json`): stable while the node is
 * not renamed or moved, and what every workspace call takes.
 */
export type TreeNode =
  | {
      kind: 'folder'
      path: string
      name: string
      defaults: InheritedDefaults
      children: TreeNode[]
    }
  | { kind: 'request'; path: string; name: string; method: string; url: string }

export const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('folder'),
      path: z.string(),
      name: z.string(),
      defaults: InheritedDefaultsSchema,
      children: z.array(TreeNodeSchema),
    }),
    z.object({
      kind: z.literal('request'),
      path: z.string(),
      name: z.string(),
      method: z.string(),
      url: z.string(),
    }),
  ]),
)

/** A file of the workspace that could not be read; the rest of the workspace still opens. */
export const WorkspaceProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
})
export type WorkspaceProblem = z.infer<typeof WorkspaceProblemSchema>

/**
 * Everything the renderer needs to show a workspace. Secret variable values are filled
 * in from the secret store (they are in memory here, never in the files).
 */
export const WorkspaceSnapshotSchema = z.object({
  /** Absolute path of the workspace folder. */
  dir: z.string(),
  manifest: WorkspaceManifestSchema,
  tree: z.array(TreeNodeSchema),
  environments: z.array(EnvironmentSchema),
  /** The environment in use for this workspace (remembered in app state), or null. */
  activeEnvironment: z.string().nullable(),
  problems: z.array(WorkspaceProblemSchema),
})
export type WorkspaceSnapshot = z.infer<typeof WorkspaceSnapshotSchema>

/** The request a saved one describes: its spec without its name and own variables. */
export function specOfSaved(saved: SavedRequest): RequestSpec {
  return {
    method: saved.method,
    url: saved.url,
    params: saved.params,
    headers: saved.headers,
    body: saved.body,
    auth: saved.auth,
    settings: saved.settings,
    assertions: saved.assertions,
    scripts: saved.scripts,
  }
}
