import type { SecretStore } from './secretStore'

/** What browser mode tells the user about its secret store. */
export const BROWSER_SECRETS_WARNING =
  'Browser mode keeps secret values in memory only, until the web host stops. To keep them, put them in a secrets file (--secrets FILE) or in COURIER_VAR_<NAME> environment variables.'

/** Secret values kept in this process only: lost when it exits. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>()

  /** @param warning what the user must be told about values kept in memory (null for none, e.g. in tests). */
  constructor(readonly warning: string | null = BROWSER_SECRETS_WARNING) {}

  get(key: string): string | undefined {
    return this.values.get(key)
  }

  set(key: string, value: string): void {
    this.values.set(key, value)
  }

  delete(key: string): void {
    this.values.delete(key)
  }
}
