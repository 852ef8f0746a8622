import { authQueryParam } from '../../../shared/logic/headers'
import { buildUrl } from '../../../shared/logic/url'
import {
  formatLimit,
  resolveRequest,
  VariableSizeError,
  type Resolution,
  type ResolveOptions,
} from '../../../shared/logic/variables'
import type { RequestSpec } from '../../../shared/model/request'
import { RequestDefaultsSchema, type RequestDefaults } from '../../../shared/model/settings'
import { missingCredential } from './missingCredential'
import { RequestFailure } from './requestFailure'

/**
 * The settings one send runs with: the app defaults (schema defaults filling any gap)
 * overridden by the settings the request sets itself. Throws if `defaults` are invalid.
 */
export function effectiveSettings(
  defaults: Partial<RequestDefaults> | undefined,
  own: RequestSpec['settings'],
): RequestDefaults {
  return { ...parsedDefaults(defaults), ...definedOnly(own) }
}

/**
 * Callers hand the same defaults object to every send of a run or session: it is parsed
 * once (a parse per send was a tenth of `courier run`'s time per request).
 */
const parsed = new WeakMap<object, RequestDefaults>()
const SCHEMA_DEFAULTS = RequestDefaultsSchema.parse({})

function parsedDefaults(defaults: Partial<RequestDefaults> | undefined): RequestDefaults {
  if (!defaults) return SCHEMA_DEFAULTS
  let known = parsed.get(defaults)
  if (!known) {
    known = RequestDefaultsSchema.parse(defaults)
    parsed.set(defaults, known)
  }
  return known
}

/** A request ready to send: variables resolved and its URL complete. */
export interface PreparedRequest {
  spec: RequestSpec
  /** The URL with its params and any API key that goes in the query. */
  url: string
  /** The host (and port, unless the default) it goes to, to name in failures. */
  host: string
}

/**
 * Resolves the request's {{variables}} and builds its URL. Throws MISSING_CREDENTIAL for
 * an auth credential that is blank or has no value (naming the field), UNRESOLVED_VARIABLES
 * naming every variable without a value, or INVALID_URL, so nothing half-resolved is sent.
 */
export function prepareRequest(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
  variableSizeLimitMB = RequestDefaultsSchema.shape.variableSizeLimitMB.parse(undefined),
): PreparedRequest {
  return preparedFrom(spec, resolveForSend(spec, variables, variableSizeLimitMB))
}

/** The request's {{variables}} resolved, for prepareRequest (see resolveWithin). */
export function resolveForSend(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
  variableSizeLimitMB: number,
  dynamic?: ResolveOptions['dynamic'],
): Resolution {
  return resolveWithin(spec, variables, Math.round(variableSizeLimitMB * 1024 * 1024), dynamic)
}

/** prepareRequest's checks and URL, for a request resolved already (resolveForSend). */
export function preparedFrom(spec: RequestSpec, resolved: Resolution): PreparedRequest {
  const { unresolved } = resolved
  const noCredential = missingCredential(spec, unresolved)
  if (noCredential) throw noCredential
  if (unresolved.length > 0) {
    const list = unresolved.map((n) => `{{${n}}}`).join(', ')
    throw new RequestFailure(
      'UNRESOLVED_VARIABLES',
      `The request uses ${unresolved.length === 1 ? 'a variable that has' : 'variables that have'} no value: ${list}.`,
      'Define them in the active environment (or with --var name=value), or remove them from the request.',
    )
  }
  const apiKeyParam = authQueryParam(resolved.spec.auth)
  const { params } = resolved.spec
  const url = buildUrl(resolved.spec.url, apiKeyParam ? [...params, apiKeyParam] : params)
  if (!url.ok) throw new RequestFailure('INVALID_URL', url.reason, url.hint)
  return { spec: resolved.spec, url: url.url, host: url.host }
}

/** resolveRequest, with a field that grows past the limit failing as VARIABLE_TOO_LARGE. */
function resolveWithin(
  spec: RequestSpec,
  variables: Readonly<Record<string, string>>,
  limit: number,
  dynamic?: ResolveOptions['dynamic'],
): Resolution {
  try {
    return resolveRequest(spec, variables, { limit, ...(dynamic && { dynamic }) })
  } catch (error) {
    if (!(error instanceof VariableSizeError)) throw error
    throw new RequestFailure(
      'VARIABLE_TOO_LARGE',
      `{{${error.variable}}} expands past ${formatLimit(limit)}: nothing was sent.`,
      'Raise Settings > Requests > Variable size limit, or fix the variable (does its value refer to other variables many times?).',
    )
  }
}

/** Leaves out the settings a request does not set, so they do not hide the defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  const defined: Partial<T> = {}
  for (const key in value) if (value[key] !== undefined) defined[key] = value[key]
  return defined
}
