import { Cookie, CookieJar } from 'tough-cookie'
import type { CookieEdit, CookieNew, CookieRef, StoredCookie } from '../../../shared/model/cookie'
import type { SecretStore } from '../secrets/secretStore'
import { secretKey } from '../secrets/secretStore'
import { expiryMs, isAlive } from './cookieExpiry'
import { JarCookies } from './jarCookies'

/** The secret-store scope of a workspace's jar (one value: the whole jar, serialized). */
const SCOPE = 'cookies'

/** A cookie as the manager shows it. */
function toStored(cookie: Cookie): StoredCookie {
  return {
    domain: cookie.domain ?? '',
    path: cookie.path ?? '/',
    name: cookie.key,
    value: cookie.value,
    expires: expiryMs(cookie) === null ? null : new Date(expiryMs(cookie)!).toISOString(),
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    hostOnly: cookie.hostOnly ?? true,
  }
}

/**
 * One cookie jar per workspace (null: requests outside one), kept between sessions in the
 * secret store: cookie values are credentials, so they are on disk only as the keyring's
 * ciphertext, in the data directory, never in the workspace's shared files. Without a
 * keyring the store keeps them in memory for the session, as it does other secrets.
 */
export class WorkspaceCookies {
  private readonly jars = new Map<string, JarCookies>()

  constructor(private readonly secrets: SecretStore) {}

  /** The jar the engine reads and fills for a send from `workspace`. */
  hooksFor(workspace: string | null): JarCookies {
    const id = workspace ?? ''
    let hooks = this.jars.get(id)
    if (!hooks) {
      hooks = new JarCookies(this.load(id), () => this.save(id))
      this.jars.set(id, hooks)
    }
    return hooks
  }

  /**
   * A copy of the workspace's jar for a Runner run: the run starts with the workspace's
   * cookies, as Postman's Runner does, and changes the copy only (see `replace`).
   */
  copyOf(workspace: string | null): CookieJar {
    return this.hooksFor(workspace).jar.cloneSync()!
  }

  /** Makes `jar` the workspace's jar and saves it ("Save cookies after the run"). */
  replace(workspace: string | null, jar: CookieJar): void {
    const id = workspace ?? ''
    this.jars.set(id, new JarCookies(jar.cloneSync()!, () => this.save(id)))
    this.save(id)
  }

  /** Every cookie of the workspace's jar that has not expired, by domain then path and name. */
  list(workspace: string | null): StoredCookie[] {
    return this.all(workspace)
      .map(toStored)
      .sort(
        (a, b) =>
          a.domain.localeCompare(b.domain) ||
          a.path.localeCompare(b.path) ||
          a.name.localeCompare(b.name),
      )
  }

  /**
   * Adds a cookie by hand, or replaces the one of the same domain, path and name. A domain
   * written with a leading dot covers its subdomains, as a Domain attribute does.
   */
  add(workspace: string | null, added: CookieNew): StoredCookie[] {
    const domainWide = added.domain.startsWith('.')
    const cookie = new Cookie({
      key: added.name,
      value: added.value,
      domain: domainWide ? added.domain.slice(1) : added.domain,
      path: added.path,
      expires: added.expires === null ? 'Infinity' : new Date(added.expires),
      secure: added.secure,
      httpOnly: added.httpOnly,
      hostOnly: !domainWide,
      creation: new Date(),
    })
    const store = this.hooksFor(workspace).jar.store
    void store.removeCookie(cookie.domain!, cookie.path!, cookie.key)
    void store.putCookie(cookie)
    this.save(workspace ?? '')
    return this.list(workspace)
  }

  /** Changes a cookie's value, path, expiry or flags (a new path replaces it at the old one). */
  update(workspace: string | null, ref: CookieRef, edit: CookieEdit): StoredCookie[] {
    const found = this.all(workspace).find((c) => matches(c, ref))
    if (!found) throw new CookieNotFound(ref)
    const jar = this.hooksFor(workspace).jar
    const store = jar.store
    const changed = found.clone()
    if (!changed) throw new CookieNotFound(ref)
    changed.value = edit.value
    changed.path = edit.path
    changed.secure = edit.secure
    changed.httpOnly = edit.httpOnly
    // The date given replaces a Max-Age, which would otherwise win over it.
    changed.maxAge = null
    changed.expires = edit.expires === null ? 'Infinity' : new Date(edit.expires)
    void store.removeCookie(found.domain!, found.path!, found.key)
    void store.putCookie(changed)
    this.save(workspace ?? '')
    return this.list(workspace)
  }

  /** Deletes one cookie. */
  delete(workspace: string | null, ref: CookieRef): StoredCookie[] {
    void this.hooksFor(workspace).jar.store.removeCookie(ref.domain, ref.path, ref.name)
    this.save(workspace ?? '')
    return this.list(workspace)
  }

  /** Deletes every cookie of one domain. */
  deleteDomain(workspace: string | null, domain: string): StoredCookie[] {
    void this.hooksFor(workspace).jar.store.removeCookies(domain, null)
    this.save(workspace ?? '')
    return this.list(workspace)
  }

  /** Empties the workspace's jar. */
  clear(workspace: string | null): StoredCookie[] {
    this.hooksFor(workspace).jar.removeAllCookiesSync()
    this.save(workspace ?? '')
    return []
  }

  private all(workspace: string | null): Cookie[] {
    return this.hooksFor(workspace)
      .jar.serializeSync()!
      .cookies.map((json) => Cookie.fromJSON(json))
      .filter((c): c is Cookie => c != null)
      .filter((c) => isAlive(c))
  }

  private load(id: string): CookieJar {
    const saved = this.secrets.get(secretKey(id, SCOPE, 'jar'))
    if (saved) {
      try {
        return CookieJar.deserializeSync(saved)
      } catch {
        // Unreadable (another version, a damaged value): start an empty jar.
      }
    }
    return new CookieJar()
  }

  private save(id: string): void {
    const jar = this.jars.get(id)?.jar
    if (!jar) return
    this.secrets.set(secretKey(id, SCOPE, 'jar'), JSON.stringify(jar.serializeSync()))
  }
}

function matches(cookie: Cookie, ref: CookieRef): boolean {
  return cookie.domain === ref.domain && cookie.path === ref.path && cookie.key === ref.name
}

/** The cookie asked for is not in the jar (deleted meanwhile, or expired). */
export class CookieNotFound extends Error {
  constructor(ref: CookieRef) {
    super(
      `The cookie "${ref.name}" of ${ref.domain}${ref.path} is no longer in the jar: it was deleted or has expired. Reopen the cookies to see what is there.`,
    )
  }
}
