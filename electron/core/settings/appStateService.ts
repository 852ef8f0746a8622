import {
  APP_STATE_SCHEMA_VERSION,
  AppStateSchema,
  type AppState,
  type OpenTab,
} from '../../../shared/model/appState'
import { migrate } from '../../../shared/model/migrate'
import type { KeyValueStore } from '../storage/keyValueStore'
import { blankAuthSecret } from '../workspace/authSecrets'
import { blankSecrets } from '../workspace/workspaceFormat'

const KEY = 'appState'
/** Format n -> n+1 steps; empty while there is only version 1. */
const MIGRATIONS = {}

/**
 * The open tabs kept across restarts, in the same small store as the settings. A draft
 * may hold secrets typed by hand: they are blanked the way workspace files blank them,
 * since this store is a plain file.
 */
export class AppStateService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly onProblem: (message: string) => void = () => {},
  ) {}

  get(): AppState {
    const saved = this.store.get(KEY)
    if (saved === undefined) return AppStateSchema.parse({})
    const parsed = AppStateSchema.safeParse(migrate(saved, APP_STATE_SCHEMA_VERSION, MIGRATIONS))
    if (parsed.success) return parsed.data
    this.onProblem('The tabs open last time could not be restored: their saved state was invalid.')
    return AppStateSchema.parse({})
  }

  save(state: AppState): void {
    const tabs = state.tabs.map(withoutSecrets)
    this.store.set(KEY, { ...state, schemaVersion: APP_STATE_SCHEMA_VERSION, tabs })
  }
}

function withoutSecrets(tab: OpenTab): OpenTab {
  return {
    ...tab,
    spec: { ...tab.spec, auth: blankAuthSecret(tab.spec.auth) },
    variables: blankSecrets(tab.variables),
  }
}
