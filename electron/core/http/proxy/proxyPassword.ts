import type { ProxySettings, ProxySettingsPatch } from '../../../../shared/model/proxySettings'
import type { ProxyConfig } from './proxyRouter'
import { secretKey, type SecretStore } from '../../secrets/secretStore'

/** The proxy password's key in the secret store (one manual proxy, so one password). */
export const PROXY_PASSWORD_KEY = secretKey('', 'settings', 'proxy password')

/**
 * The proxy settings to save from an update: a password (its own field, or user:password@
 * written into the URL) goes to the secret store and only `passwordSaved` to the settings
 * file. Without a secret store the password is dropped, never written in clear.
 */
export function keepProxyPassword(
  patch: ProxySettingsPatch,
  secrets: SecretStore | undefined,
): Partial<ProxySettings> {
  const { password, ...rest } = patch
  let typed = password
  if (rest.url !== undefined) {
    const split = splitPassword(rest.url)
    rest.url = split.url
    if (split.password !== '') typed = split.password
  }
  if (typed === undefined || !secrets) return rest
  if (typed === '') secrets.delete(PROXY_PASSWORD_KEY)
  else secrets.set(PROXY_PASSWORD_KEY, typed)
  return { ...rest, passwordSaved: typed !== '' }
}

/** The router's view of the settings: the manual URL with its password from the store. */
export function proxyConfigOf(
  settings: ProxySettings,
  secrets: SecretStore | undefined,
): ProxyConfig {
  const password = settings.passwordSaved ? secrets?.get(PROXY_PASSWORD_KEY) : undefined
  return { ...settings, url: withPassword(settings.url, password) }
}

function splitPassword(text: string): { url: string; password: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):([^@/]*)@/i.exec(text.trim())
  if (!match) return { url: text.trim(), password: '' }
  return {
    url: `${match[1]}@${text.trim().slice(match[0].length)}`,
    password: safeDecode(match[2]!),
  }
}

/** The URL with this password (none: as it is). */
export function withPassword(url: string, password: string | undefined): string {
  if (!password || url.trim() === '') return url
  try {
    const parsed = new URL(url)
    parsed.password = password
    return parsed.href
  } catch {
    // An invalid URL fails when used, worded by proxyUrl.
    return url
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
