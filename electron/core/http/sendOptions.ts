import type { RequestSpec } from '../../../shared/model/request'
import type { RequestDefaults } from '../../../shared/model/settings'
import type { OAuth2Tokens } from '../auth/oauth2/oauth2Tokens'
import type { BodyStore } from '../bodies/bodyStore'
import type { FileGate } from './fileGate'
import type { RouteSource } from './hopSender'
import type { CookieHooks } from './redirects'
import type { TlsMaterial } from './tlsMaterial'

/** One send: the request, the values it resolves with, and what the caller lends it. */
export interface SendOptions {
  spec: RequestSpec
  variables?: Readonly<Record<string, string>>
  /** App defaults; the request's own settings override them. */
  defaults?: Partial<RequestDefaults>
  /** Lets the caller cancel with `cancel(requestId)`. */
  requestId?: string
  /** Called as body bytes arrive (at most every 64 KiB). */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void
  /**
   * A cookie jar: sends its cookies at every hop (unless the request sets its own Cookie
   * header) and keeps what each response sets, redirects included.
   */
  cookies?: CookieHooks
  /**
   * Names of the secret variables among `variables`: a header holding one of their values
   * is a credential, not sent on when a redirect leads to another origin.
   */
  secretNames?: readonly string[]
  /**
   * Which local files the body may read, and the folder relative paths are read from.
   * Absent: none (a request with a file body fails with FILE_NOT_CONFIRMED).
   */
  files?: FileGate
  /** The workspace the request belongs to: OAuth 2.0 tokens are kept per workspace. */
  workspace?: string | null
}

/** What an engine is built with. */
export interface EngineOptions {
  /** Where bodies are kept; by default a store of the engine's own in the temp directory. */
  bodies?: BodyStore
  /** Decoded bytes after which receiving stops (protects the disk). Default 4 GiB. */
  maxReceiveBytes?: number
  /**
   * Where each request goes (a ProxyRouter): proxies to try in order, null for straight
   * to the server. Absent: straight to every server.
   */
  proxy?: RouteSource
  /** Where OAuth 2.0 auths get their tokens; absent, such a request fails with OAUTH2. */
  oauth2?: OAuth2Tokens
  /** Extra CAs, client certificates and the oldest TLS version (see tlsMaterial.ts). */
  tls?: TlsMaterial
}
