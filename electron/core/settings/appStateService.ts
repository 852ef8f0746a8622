import { draftRefHash } from '../../../shared/logic/draftRef'
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
import { DraftFiles, DraftMissingError, draftsDirOf } from './draftFiles'

const KEY = 'appState'
/** Format n -> n+1 steps; empty while there is only version 1. */
const MIGRATIONS = {}

/**
 * The open tabs kept across restarts, in the same small store as the settings. A draft
 * may hold secrets typed by hand: they are blanked the way workspace files blank them,
 * since this store is a plain file. Bodies (and baselines) over DRAFT_MIN_BYTES go to
 * files of their own (see draftFiles.ts): a 50 MB body in the settings file would make
 * every settings write rewrite 50 MB. Callers see whole texts either way.
 */
export class AppStateService {
  private readonly drafts: DraftFiles | null

  constructor(
    private readonly store: KeyValueStore,
    private readonly onProblem: (message: string) => void = () => {},
    draftsDir: string | null = draftsDirOf(store.path),
  ) {
    this.drafts = draftsDir === null ? null : new DraftFiles(draftsDir)
  }

  get(): AppState {
    const saved = this.store.get(KEY)
    if (saved === undefined) return AppStateSchema.parse({})
    const withBodies = this.readDrafts(saved)
    const parsed = AppStateSchema.safeParse(
      migrate(withBodies, APP_STATE_SCHEMA_VERSION, MIGRATIONS),
    )
    if (parsed.success) return parsed.data
    this.onProblem('The tabs open last time could not be restored: their saved state was invalid.')
    return AppStateSchema.parse({})
  }

  /**
   * Writes the open tabs. A body given as a draft reference (unchanged since the last
   * save) must name a draft still on disk. Returns, per tab, the SHA-256 of the draft
   * file its body is kept in (null when it is kept inline): the renderer may then refer
   * to it instead of sending the body again.
   *
   * @throws DraftMissingError when it does not: the caller sends the whole text again.
   */
  save(state: AppState): { drafts: (string | null)[] } {
    const kept = new Set<string>()
    const tabs = state.tabs.map((tab) => this.writeDrafts(withoutSecrets(tab), kept))
    this.store.set(KEY, { ...state, schemaVersion: APP_STATE_SCHEMA_VERSION, tabs })
    // Only once the settings file no longer refers to them.
    this.drafts?.removeAllBut(kept)
    return {
      drafts: tabs.map(({ spec: { body } }) => ('text' in body ? draftRefHash(body.text) : null)),
    }
  }

  /**
   * The text of a body given as a draft reference (see shared/logic/draftRef.ts), as it
   * is in its draft file; any other text as it is.
   *
   * @throws DraftMissingError when the draft is not on disk (any more).
   */
  bodyText(text: string): string {
    if (draftRefHash(text) === null) return text
    const found = this.drafts?.get(text) ?? null
    if (found === null) throw new DraftMissingError(text)
    return found
  }

  private writeDrafts(tab: OpenTab, kept: Set<string>): OpenTab {
    const put = (text: string) => {
      if (this.drafts) return this.drafts.put(text, kept)
      // Without a data directory (a memory store) every text stays inline.
      if (draftRefHash(text) !== null) throw new DraftMissingError(text)
      return text
    }
    const { body } = tab.spec
    const spec =
      body.type === 'json' || body.type === 'raw'
        ? { ...tab.spec, body: { ...body, text: put(body.text) } }
        : tab.spec
    return { ...tab, spec, baseline: put(tab.baseline) }
  }

  /** The saved value with every draft reference replaced by its text, before validation. */
  private readDrafts(saved: unknown): unknown {
    const drafts = this.drafts
    if (!drafts || !isRecord(saved) || !Array.isArray(saved.tabs)) return saved
    const tabs = saved.tabs.map((tab: unknown) => {
      if (!isRecord(tab)) return tab
      const out: Record<string, unknown> = { ...tab }
      if (typeof tab.baseline === 'string') {
        // A lost baseline only makes the tab show as changed.
        out.baseline = drafts.get(tab.baseline) ?? ''
      }
      const spec = tab.spec
      if (isRecord(spec) && isRecord(spec.body) && typeof spec.body.text === 'string') {
        let text = drafts.get(spec.body.text)
        if (text === null) {
          text = ''
          this.onProblem(
            `The unsaved body of the tab ${tabName(spec, tab.saved)} was lost (its draft file ` +
              `${drafts.fileOf(spec.body.text)} is missing or unreadable): the tab was ` +
              'reopened with an empty body.',
          )
        }
        out.spec = { ...spec, body: { ...spec.body, text } }
      }
      return out
    })
    return { ...saved, tabs }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function tabName(spec: Record<string, unknown>, saved: unknown): string {
  if (isRecord(saved) && typeof saved.name === 'string') return `“${saved.name}”`
  return typeof spec.url === 'string' && spec.url !== '' ? `for ${spec.url}` : '“New request”'
}

function withoutSecrets(tab: OpenTab): OpenTab {
  return {
    ...tab,
    spec: { ...tab.spec, auth: blankAuthSecret(tab.spec.auth) },
    variables: blankSecrets(tab.variables),
  }
}
