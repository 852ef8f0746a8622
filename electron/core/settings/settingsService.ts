import { migrate } from '../../../shared/model/migrate'
import {
  SETTINGS_SCHEMA_VERSION,
  SettingsSchema,
  defaultSettings,
  type Settings,
  type SettingsPatch,
} from '../../../shared/model/settings'
import type { KeyValueStore } from '../storage/keyValueStore'
import type { SecretStore } from '../secrets/secretStore'
import { keepProxyPassword } from '../http/proxy/proxyPassword'
import { keepTlsPassphrases } from '../http/tlsSettings'

const KEY = 'settings'
/** Format n -> n+1 steps; empty while there is only version 1. */
const MIGRATIONS = {}

/** Reads and updates the user's settings in a KeyValueStore, validating both ways. */
export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly onProblem: (message: string) => void = () => {},
    /** Where the proxy password and certificate passphrases go (never the settings file). */
    private readonly secrets?: SecretStore,
  ) {}

  get(): Settings {
    const saved = this.store.get(KEY)
    if (saved === undefined) return defaultSettings()
    try {
      const parsed = SettingsSchema.safeParse(migrate(saved, SETTINGS_SCHEMA_VERSION, MIGRATIONS))
      if (parsed.success) return parsed.data
      this.onProblem(
        `Some settings were invalid and were reset to their defaults (${parsed.error.issues[0]?.path.join('.')}).`,
      )
    } catch (error) {
      this.onProblem(error instanceof Error ? error.message : String(error))
    }
    return defaultSettings()
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get()
    const next = SettingsSchema.parse({
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      requestDefaults: { ...current.requestDefaults, ...patch.requestDefaults },
      scriptLimits: { ...current.scriptLimits, ...patch.scriptLimits },
      history: { ...current.history, ...patch.history },
      proxy: { ...current.proxy, ...keepProxyPassword(patch.proxy ?? {}, this.secrets) },
      tls: { ...current.tls, ...keepTlsPassphrases(patch.tls ?? {}, current.tls, this.secrets) },
    })
    this.store.set(KEY, next)
    return next
  }
}
