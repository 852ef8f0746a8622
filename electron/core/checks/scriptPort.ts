/**
 * The script sandbox as a send uses it (implemented in electron/core/scripts): run a list
 * of scripts for one event on a request (and response), with the variables by scope, and
 * get back tests, console output, edits and variable changes. Only JSON-shaped data.
 */
import type { CookieHooks } from '../http/redirects'

export interface ScriptSource {
  /** "workspace", "folder Users", "request Get user": named in results and errors. */
  name: string
  source: string
  /** The collection, folder or request the script belongs to: pm.execution.location.current. */
  item?: string
}

export interface ScriptRequest {
  name: string
  url: string
  method: string
  headers: [string, string][]
  /** The body as text; null for none, a file or a form. */
  body: string | null
  /**
   * A text body's language, as Postman's `pm.request.body.options.raw.language` (json, xml,
   * html, javascript, text); absent for other bodies. A script that changes it changes the
   * Content-Type sent, unless a header names one.
   */
  language?: string
  /** A urlencoded body's enabled fields (pm.request.body.urlencoded); absent for other bodies. */
  form?: [string, string][]
  /** pm.request.auth: absent (or null, once a script removed it) when there is none. */
  auth?: ScriptAuth | null
}

/** A request's auth as Postman's scripts see it: its type, its parameters by Postman's names. */
export interface ScriptAuth {
  type: string
  params: [string, string][]
}

export interface ScriptResponse {
  code: number
  status: string
  headers: [string, string][]
  body: string
  /** ms, whole exchange. */
  responseTime: number
  /** Body bytes. */
  size: number
}

export interface ScriptVariables {
  local: Record<string, string>
  iterationData: Record<string, string>
  environment: Record<string, string>
  collection: Record<string, string>
  globals: Record<string, string>
  /** The values of these that are not text, with their JSON type; see TypedValues. */
  typed?: TypedValues
}

/**
 * Variables whose value is a number, a boolean, null or JSON data (an object, a list), by
 * scope: set so by a script, or read from a JSON data file. Scripts read them with their
 * type for the rest of a run, as in newman (`pm.environment.get('id') === 7`); `{{name}}`
 * uses the text in the scope, which is the value as JSON (keptText). A typed value counts
 * only while its scope's text is still that JSON, so a value changed as text wins.
 */
export type TypedValues = Partial<
  Record<Exclude<keyof ScriptVariables, 'typed'>, Record<string, unknown>>
>

export interface ScriptRunInput {
  event: 'prerequest' | 'test'
  scripts: ScriptSource[]
  request: ScriptRequest
  response?: ScriptResponse
  variables: ScriptVariables
  info: {
    requestName: string
    iteration: number
    eventName: 'prerequest' | 'test'
    /** pm.info.iterationCount: the run's iterations (1 for a single send). */
    iterationCount?: number
    /** pm.environment.name: the active environment's name; absent when none is. */
    environmentName?: string
    /** pm.execution.location: the collection's (or workspace's) name, its folders', the request's. */
    location?: string[]
    /** pm.info.requestId: the same for a request's scripts (the sandbox makes one when absent). */
    requestId?: string
  }
  limits?: { memoryBytes?: number; cpuMs?: number }
  /**
   * A script that throws does not stop the scripts after it (Postman's and newman's way in
   * a collection run); by default the first error ends the run.
   */
  continueOnError?: boolean
}

/** A script that failed: its name, the message, where, and the limit it hit if any. */
export interface ScriptError {
  script: string
  message: string
  line?: number
  column?: number
  limit?: 'memory' | 'cpu' | 'time'
}

export interface ScriptRunOutput {
  tests: { name: string; passed: boolean; error?: string; skipped?: boolean }[]
  console: { level: 'log' | 'info' | 'warn' | 'error'; text: string }[]
  /** The request after pre-request edits. */
  request: ScriptRequest
  /** Every scope after the scripts' sets and unsets. */
  variables: ScriptVariables
  nextRequest?: string | null
  skipRequest: boolean
  /** The first script that failed. */
  error?: ScriptError
  /** With continueOnError: every script that failed, in order (the first is `error`). */
  errors?: ScriptError[]
  /** pm.sendRequest calls, and those that got no response; absent when there were none. */
  sentRequests?: { total: number; failed: number }
}

/** A cookie as pm.cookies.jar() gives and takes it (Postman's Cookie, as JSON). */
export interface ScriptCookie {
  name: string
  value: string
  domain?: string
  path?: string
  /** An ISO date; absent for a session cookie. */
  expires?: string
  maxAge?: number
  secure?: boolean
  httpOnly?: boolean
  hostOnly?: boolean
}

/**
 * The cookie jar a script reaches through pm.cookies.jar(): the run's in a collection run
 * (the one the engine sends from), the workspace's for a send. Each URL is absolute.
 */
export interface ScriptCookieJar {
  /** The value of the cookie `name` that `url` would be sent; null when there is none. */
  get(url: string, name: string): Promise<string | null>
  /** The cookies `url` would be sent; `http: false` leaves HttpOnly ones out. */
  getAll(url: string, options: { http?: boolean; secure?: boolean }): Promise<ScriptCookie[]>
  /** Keeps a cookie (or a Set-Cookie line) as if `url` had set it; rejects when it may not. */
  set(url: string, cookie: ScriptCookie | string): Promise<ScriptCookie | null>
  /** Removes the cookie `name` that `url` would be sent. */
  unset(url: string, name: string): Promise<void>
  /** Removes every cookie `url` would be sent. */
  clear(url: string): Promise<void>
}

/** What the scripts of one run reach on the host: the send's or the run's cookie jar. */
export interface ScriptHost {
  /** pm.cookies.jar(); absent or null: there is no jar here, and the script is told so. */
  cookies?: ScriptCookieJar | null
  /**
   * The same jar as the engine takes it: pm.sendRequest sends its cookies and keeps what
   * its responses set, as newman's does (a login by pm.sendRequest carries its session).
   */
  requestCookies?: CookieHooks | null
}

export interface ScriptPort {
  run(input: ScriptRunInput, host?: ScriptHost): Promise<ScriptRunOutput>
  /**
   * Every script a run (a collection run, a command's send) is about to run, before the
   * first: the sandbox readies what they use and nothing else (chai, for pm.expect, only if
   * one names it; see InstancePool.expectScripts). Optional: without it the sandbox decides
   * per script. A script that reaches something anyway (pm['exp' + 'ect']) still gets it.
   * `iterations`: how many times the run goes through them (1 by default); a script that
   * will run more than once is compiled ahead (InstancePool.expectScripts).
   */
  expectScripts?(sources: readonly string[], iterations?: number): void
}
