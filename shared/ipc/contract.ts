import * as z from 'zod'
import { ChecksSchema } from '../model/assertion'
import { DraftRefSchema } from '../model/draftRef'
import { RequestSpecSchema } from '../model/request'
import { ScriptsSchema } from '../model/scripts'
import { ResponseRecordSchema } from '../model/response'
import { RequestErrorSchema } from '../model/requestError'
import { SettingsPatchSchema, SettingsSchema } from '../model/settings'
import {
  HistoryEntrySchema,
  HistoryFilterSchema,
  HistoryPageArgsSchema,
  HistoryPageSchema,
  HistoryRetentionSchema,
  HistorySummarySchema,
  SendContextSchema,
} from '../model/history'
import {
  CodeLanguageSchema,
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  ImportReportSchema,
  ParsedCurlSchema,
} from '../model/interop'
import { AppStateSchema } from '../model/appState'
import {
  BodyFilterResultSchema,
  BodyLinesArgsSchema,
  BodyLinesSchema,
  BodyOpenResultSchema,
  BodyRefSchema,
  BodySaveResultSchema,
  BodySearchArgsSchema,
  BodySearchResultSchema,
  BodyViewSchema,
} from '../model/body'
import { VariableRowSchema } from '../model/variables'
import {
  EnvironmentSchema,
  InheritedDefaultsSchema,
  SavedRequestSchema,
  WorkspaceSnapshotSchema,
} from '../model/workspace'
import { fileCalls } from './fileCalls'
import { cookieCalls } from './cookieCalls'
import { proxyCalls } from './proxyCalls'
import { tlsCalls } from './tlsCalls'
import { oauth2Calls } from './oauth2Calls'
import { historyRunCalls } from './historyRunCalls'
import type { CallName, EventName, IpcEnvelope } from './names'
import { RunEventPayloadSchema, runCalls } from './runCalls'

export * from './names'

/** Arguments of `http:send`. */
export const SendArgsSchema = z.object({
  /** Chosen by the caller so it can cancel the request while it runs. */
  requestId: z.string().min(1).max(100),
  spec: RequestSpecSchema,
  /** Values for `{{name}}` placeholders. */
  variables: z.record(z.string(), z.string()).default({}),
  /** Where the request came from, for its history entry. */
  context: SendContextSchema.default(SendContextSchema.parse({})),
  /**
   * `context.edited` came without its body, which is `spec.body`: the Node side puts it
   * back (see shared/logic/sendContextBody.ts), so a big body crosses the bridge once.
   */
  editedBodyIsSent: z.boolean().default(false),
  /**
   * The body's text is this draft file's (see shared/model/draftRef.ts), and
   * `spec.body.text` is empty: a big body crosses the bridge once, at its save.
   */
  bodyDraft: DraftRefSchema.optional(),
  /**
   * The scripts of the workspace and folders above the request, outermost first: they run
   * before the request's own (`spec.scripts`), as Postman runs collection, folder, request.
   */
  scriptLevels: z
    .array(
      z.object({
        name: z.string().max(300),
        scripts: ScriptsSchema,
        item: z.string().max(300).optional(),
      }),
    )
    .max(100)
    .default([]),
  /**
   * The variables by the scope that defines them, for scripts (`pm.environment.get` reads
   * the environment even where a request variable of that name wins); `variables` stays
   * what `{{name}}` resolves from. Absent: scripts see `variables` as the request scope.
   */
  variableScopes: z
    .object({
      globals: z.record(z.string(), z.string()),
      collection: z.record(z.string(), z.string()),
      environment: z.record(z.string(), z.string()),
      request: z.record(z.string(), z.string()),
    })
    .optional(),
  /**
   * Local files the user confirmed for this send only ("Upload once"); files confirmed
   * for good are kept on the Node side (`files:allow`).
   */
  allowFilesOnce: z.array(z.string().max(4096)).max(100).default([]),
})
export type SendArgs = z.infer<typeof SendArgsSchema>
export type SendArgsInput = z.input<typeof SendArgsSchema>

/** A response (any status) or the transport error that prevented one. */
export const SendResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    response: ResponseRecordSchema,
    /** What the request's scripts and assertions found; absent when it has none. */
    checks: ChecksSchema.optional(),
  }),
  z.object({
    ok: z.literal(false),
    error: RequestErrorSchema,
    /** A pre-request script's output and failure, when one ran. */
    checks: ChecksSchema.optional(),
  }),
])
export type SendResult = z.infer<typeof SendResultSchema>

/** The file picked in a native dialog, or null when cancelled. */
export const PickedFileSchema = z
  .object({ path: z.string(), name: z.string(), size: z.number() })
  .nullable()

export const AppInfoSchema = z.object({
  version: z.string(),
  /** Which shell runs the renderer. */
  shell: z.enum(['electron', 'web']),
  /** Where settings and data are kept. */
  dataDir: z.string(),
  /** Whether `dialog:pickFile` opens a native dialog; where it cannot, the UI asks for a typed path. */
  canPickFiles: z.boolean(),
  /**
   * Null when secret values are kept encrypted by the OS keyring; otherwise what the user
   * must know (e.g. browser mode keeps them in memory only).
   */
  secretsWarning: z.string().nullable(),
  /** Things the user must be told at start-up, e.g. a corrupt file moved aside. */
  notices: z.array(z.string()),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

/** A path inside the open workspace, relative to its root, with `/` separators. */
const WorkspacePath = z.string().max(1000)
/** A name typed by the user for a request, folder or environment. */
const ItemName = z.string().trim().min(1, 'A name is required').max(200)
const PathResult = z.object({ path: WorkspacePath })

/** The workspace after an operation, with where the touched item now lives. */
export const RecentWorkspaceSchema = z.object({ dir: z.string(), name: z.string() })
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>

/**
 * Every call between the renderer and the Node side, declared once as
 * `domain:action -> { args, result }`. The preload, the main-process handlers, the
 * web bridge and the renderer's api client are all built from this object.
 */
export const calls = {
  'http:send': { args: SendArgsSchema, result: SendResultSchema },
  'http:cancel': { args: z.object({ requestId: z.string() }), result: z.boolean() },
  'settings:get': { args: z.object({}), result: SettingsSchema },
  'settings:update': { args: SettingsPatchSchema, result: SettingsSchema },
  'dialog:pickFile': {
    args: z.object({ title: z.string().max(200).default('Choose a file') }),
    result: PickedFileSchema,
  },
  'dialog:pickFolder': {
    args: z.object({ title: z.string().max(200).default('Choose a folder') }),
    result: z.string().nullable(),
  },
  'app:info': { args: z.object({}), result: AppInfoSchema },
  /** The open tabs as they were left, to restore at start. */
  'state:get': { args: z.object({}), result: AppStateSchema },
  /** Keeps the open tabs (secret values and typed credentials are dropped on the way). */
  'state:save': {
    args: AppStateSchema,
    /** Per tab, the SHA-256 of the draft file keeping its body, or null when kept inline. */
    result: z.object({
      drafts: z.array(
        z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .nullable(),
      ),
    }),
  },
  /** The open workspace (the embedded default one on first start). */
  'workspace:snapshot': { args: z.object({}), result: WorkspaceSnapshotSchema },
  /** Opens an existing workspace folder (one with a `courier.json`). */
  'workspace:open': { args: z.object({ dir: z.string().min(1) }), result: WorkspaceSnapshotSchema },
  /** Makes `dir` a new workspace (created if missing; must not already be one) and opens it. */
  'workspace:create': {
    args: z.object({ dir: z.string().min(1), name: ItemName }),
    result: WorkspaceSnapshotSchema,
  },
  'workspace:recent': { args: z.object({}), result: z.array(RecentWorkspaceSchema) },
  'workspace:readRequest': { args: z.object({ path: WorkspacePath }), result: SavedRequestSchema },
  /**
   * Writes a request. With `path`, overwrites that file (its name stays the file's);
   * without, creates a new file named after `request.name` in `folder` ('' = root).
   */
  'workspace:saveRequest': {
    args: z.object({
      path: WorkspacePath.nullable(),
      folder: WorkspacePath.default(''),
      request: SavedRequestSchema,
    }),
    result: PathResult,
  },
  'workspace:createFolder': {
    args: z.object({ parent: WorkspacePath.default(''), name: ItemName }),
    result: PathResult,
  },
  'workspace:rename': {
    args: z.object({ path: WorkspacePath, name: ItemName }),
    result: PathResult,
  },
  'workspace:move': {
    args: z.object({ path: WorkspacePath, toFolder: WorkspacePath }),
    result: PathResult,
  },
  'workspace:duplicate': { args: z.object({ path: WorkspacePath }), result: PathResult },
  /** Moves a request or folder to the app's trash; `undoDelete` puts it back. */
  'workspace:delete': {
    args: z.object({ path: WorkspacePath }),
    result: z.object({ undoId: z.string() }),
  },
  'workspace:undoDelete': { args: z.object({ undoId: z.string() }), result: PathResult },
  /** Headers, auth and variables a folder ('' = the workspace) gives the requests inside. */
  'workspace:saveDefaults': {
    args: z.object({ folder: WorkspacePath, defaults: InheritedDefaultsSchema }),
    result: z.boolean(),
  },
  /** Creates, updates or renames (when `previousName` differs) an environment. */
  'env:save': {
    args: z.object({ previousName: ItemName.nullable(), environment: EnvironmentSchema }),
    result: EnvironmentSchema,
  },
  'env:delete': { args: z.object({ name: ItemName }), result: z.boolean() },
  /** The environment whose variables apply (null = none), remembered per workspace. */
  'env:setActive': { args: z.object({ name: ItemName.nullable() }), result: z.boolean() },
  /** A page of history, newest first, matching a search and filters. */
  'history:list': { args: HistoryPageArgsSchema, result: HistoryPageSchema },
  'history:get': { args: z.object({ id: z.number().int() }), result: HistoryEntrySchema },
  'history:delete': {
    args: z.object({ ids: z.array(z.number().int()).max(10_000) }),
    result: z.number(),
  },
  /** Deletes every entry matching the filter; returns how many. */
  'history:deleteMatching': { args: HistoryFilterSchema, result: z.number() },
  'history:clear': { args: z.object({}), result: z.number() },
  /** The entries as a HAR 1.2 document (JSON text), for other tools. */
  'history:exportHar': {
    args: z.object({ ids: z.array(z.number().int()).max(10_000) }),
    result: z.string(),
  },
  'history:getRetention': { args: z.object({}), result: HistoryRetentionSchema },
  'history:setRetention': { args: HistoryRetentionSchema, result: HistoryRetentionSchema },
  ...historyRunCalls,
  /**
   * Reads a collection, environment, HAR, OpenAPI file or curl command (as text; nothing
   * is fetched, run or read from disk) into a new folder of the open workspace.
   */
  'interop:import': {
    args: z.object({
      text: z.string().max(20 * 1024 * 1024, 'Files over 20 MB are not imported'),
      /** The file's name, a hint for the format and the folder name. */
      fileName: z.string().max(300).default(''),
      format: z.enum(IMPORT_FORMATS).default('auto'),
      /** Where the new folder goes ('' = workspace root). */
      into: z.string().max(1000).default(''),
    }),
    result: ImportReportSchema,
  },
  /** A curl command (as pasted into the URL field) as a request. */
  'interop:parseCurl': {
    args: z.object({ text: z.string().max(1024 * 1024) }),
    result: ParsedCurlSchema,
  },
  /** A folder ('' = the whole workspace) as Postman v2.1 or HAR text; secrets left out. */
  'interop:export': {
    args: z.object({ folder: z.string().max(1000).default(''), format: z.enum(EXPORT_FORMATS) }),
    result: z.string(),
  },
  'interop:languages': { args: z.object({}), result: z.array(CodeLanguageSchema) },
  /** The request, resolved with these variables, as code in `language`. */
  'interop:code': {
    args: z.object({
      spec: RequestSpecSchema,
      variables: z.record(z.string(), z.string()).default({}),
      language: z.string().max(50),
    }),
    result: z.string(),
  },
  /**
   * Prepares a view of a kept body (the pretty view formats it, reporting `body:progress`);
   * fails with a message when the body is no longer kept.
   */
  'body:open': {
    args: BodyRefSchema.extend({ view: BodyViewSchema }),
    result: BodyOpenResultSchema,
  },
  /** Lines of an opened view. */
  'body:lines': { args: BodyLinesArgsSchema, result: BodyLinesSchema },
  /** Where a text occurs in an opened view. */
  'body:search': { args: BodySearchArgsSchema, result: BodySearchResultSchema },
  /** The JSONPath of the value on a line of the pretty view, e.g. `$.items[3].name`. */
  'body:path': {
    args: BodyRefSchema.extend({ line: z.number().int().min(0) }),
    result: z.string(),
  },
  /** Applies a JSONPath expression to a JSON body; the matches are kept as a new body. */
  'body:filter': {
    args: BodyRefSchema.extend({ expression: z.string().trim().min(1).max(2000) }),
    result: BodyFilterResultSchema,
  },
  /** Writes the whole body, byte for byte, to a file the user picks (streamed from disk). */
  'body:save': {
    args: BodyRefSchema.extend({ fileName: z.string().max(255).default('response') }),
    result: BodySaveResultSchema,
  },
  /** Lets the Node side drop a body the renderer no longer shows. */
  'body:release': { args: BodyRefSchema, result: z.boolean() },
  'globals:get': { args: z.object({}), result: z.array(VariableRowSchema) },
  'globals:update': {
    args: z.object({ variables: z.array(VariableRowSchema) }),
    result: z.array(VariableRowSchema),
  },
  ...runCalls,
  ...fileCalls,
  ...cookieCalls,
  ...proxyCalls,
  ...tlsCalls,
  ...oauth2Calls,
} as const satisfies Record<CallName, { args: z.ZodType; result: z.ZodType }>

/** Events the Node side pushes to the renderer. */
export const events = {
  /** Bytes of a response body received so far, for a progress indicator. */
  'http:progress': z.object({
    requestId: z.string(),
    receivedBytes: z.number(),
    totalBytes: z.number().nullable(),
  }),
  /** How far the pretty view of a body is formatted, 0 to 1. */
  'body:progress': z.object({ bodyId: z.string(), view: BodyViewSchema, done: z.number() }),
  /** A send was added to history (from this window, another, or the CLI is not seen). */
  'history:added': HistorySummarySchema,
  /** The workspace changed (by Courier or by another program, e.g. git pull). */
  'workspace:changed': WorkspaceSnapshotSchema,
  /** What a run does, in batches (see shared/ipc/runCalls.ts). */
  'run:event': RunEventPayloadSchema,
} as const satisfies Record<EventName, z.ZodType>

export type CallArgs<C extends CallName> = z.input<(typeof calls)[C]['args']>
export type ParsedCallArgs<C extends CallName> = z.infer<(typeof calls)[C]['args']>
export type CallResult<C extends CallName> = z.infer<(typeof calls)[C]['result']>
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type ActionOf<C extends string, D extends string> = C extends `${D}:${infer A}` ? A : never

/** The object the renderer sees as `window.courier`: calls nested by domain, plus `on` for events. */
export type CourierApi = {
  [D in DomainOf<CallName>]: {
    [A in ActionOf<CallName, D>]: (
      args: CallArgs<Extract<CallName, `${D}:${A}`>>,
    ) => Promise<CallResult<Extract<CallName, `${D}:${A}`>>>
  }
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/**
 * What the Electron preload exposes as `window.courier`: the same calls, each answering
 * with an envelope that the renderer's api turns into a result or a CallError.
 */
export type CourierBridge = {
  [D in DomainOf<CallName>]: {
    [A in ActionOf<CallName, D>]: (
      args: CallArgs<Extract<CallName, `${D}:${A}`>>,
    ) => Promise<IpcEnvelope>
  }
} & Pick<CourierApi, 'on'>
