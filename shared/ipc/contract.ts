import { z } from 'zod'
import { RequestSpecSchema } from '../model/request'
import { ResponseRecordSchema } from '../model/response'
import { RequestErrorSchema } from '../model/requestError'
import { SettingsPatchSchema, SettingsSchema } from '../model/settings'
import type { CallName, EventName } from './names'

export * from './names'

/** Arguments of `http:send`. */
export const SendArgsSchema = z.object({
  /** Chosen by the caller so it can cancel the request while it runs. */
  requestId: z.string().min(1).max(100),
  spec: RequestSpecSchema,
  /** Values for `{{name}}` placeholders. */
  variables: z.record(z.string(), z.string()).default({}),
})
export type SendArgs = z.infer<typeof SendArgsSchema>
export type SendArgsInput = z.input<typeof SendArgsSchema>

/** A response (any status) or the transport error that prevented one. */
export const SendResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), response: ResponseRecordSchema }),
  z.object({ ok: z.literal(false), error: RequestErrorSchema }),
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
  /** Things the user must be told at start-up, e.g. a corrupt file moved aside. */
  notices: z.array(z.string()),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

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
  'app:info': { args: z.object({}), result: AppInfoSchema },
} as const satisfies Record<CallName, { args: z.ZodType; result: z.ZodType }>

/** Events the Node side pushes to the renderer. */
export const events = {
  /** Bytes of a response body received so far, for a progress indicator. */
  'http:progress': z.object({
    requestId: z.string(),
    receivedBytes: z.number(),
    totalBytes: z.number().nullable(),
  }),
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
