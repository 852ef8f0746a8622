import { writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { DraftRefSchema, type DraftRef } from '../../../shared/model/draftRef'
import {
  APP_STATE_SCHEMA_VERSION,
  AppStateSchema,
  type AppState,
  type OpenTab,
} from '../../../shared/model/appState'
import { migrate } from '../../../shared/model/migrate'
import type { KeyValueStore } from '../storage/keyValueStore'
import { PRIVATE_FILE_MODE } from '../storage/privateFiles'
import { blankAuthSecret } from '../workspace/authSecrets'
import { blankSecrets } from '../workspace/workspaceFormat'
import { APP_STATE_MIGRATIONS } from './appStateMigrations'
import { DraftFiles, DraftMissingError, draftsDirOf } from './draftFiles'

const KEY = 'appState'

/**
 * The open tabs kept across restarts, in the same small store as the settings. A draft
 * may hold secrets typed by hand: they are blanked the way workspace files blank them,
 * since this store is a plain file. Bodies (and baselines) over DRAFT_MIN_BYTES go to
 * files of their own (see draftFiles.ts): a 50 MB body in the settings file would make
 * every settings write rewrite 50 MB. Callers see whole texts either way.
 */
export class AppStateService {
  private readonly drafts: DraftFiles | null
  /** Where an invalid saved state was copied (once per session); null when it could not be. */
  private keptAside: string | null | undefined

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
    const current = migrate(saved, APP_STATE_SCHEMA_VERSION, APP_STATE_MIGRATIONS)
    const parsed = AppStateSchema.safeParse(this.readDrafts(current))
    if (parsed.success) return parsed.data
    const aside = this.keepAside(saved)
    this.onProblem(
      `The tabs open last time could not be restored: their saved state was invalid${aside ? ` and was moved to ${aside}` : ''}.`,
    )
    return AppStateSchema.parse({})
  }

  /**
   * Copies an invalid saved state to `appState.corrupt-<time>.json` beside the settings
   * file before the next save replaces it, so nothing is lost. Null for a store in memory
   * or when the copy cannot be written (the notice then says only that it was invalid).
   */
  private keepAside(saved: unknown): string | null {
    if (this.keptAside !== undefined) return this.keptAside
    this.keptAside = null
    if (!isAbsolute(this.store.path)) return null
    const aside = join(
      dirname(this.store.path),
      `appState.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    )
    try {
      writeFileSync(aside, JSON.stringify(saved, null, 2), { mode: PRIVATE_FILE_MODE, flag: 'wx' })
      this.keptAside = aside
      return aside
    } catch {
      return null
    }
  }

  /**
   * Writes the open tabs. A body given by `bodyDraft` (unchanged since the last save)
   * must name a draft still on disk. Returns, per tab, the SHA-256 of the draft
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
    return { drafts: tabs.map((tab) => tab.bodyDraft?.sha256 ?? null) }
  }

  /**
   * The text of a body sent as a reference to its draft file, as it is in that file.
   *
   * @throws DraftMissingError when the draft is not on disk (any more).
   */
  draftText(ref: DraftRef): string {
    const found = this.drafts?.get(ref) ?? null
    if (found === null) throw new DraftMissingError(ref)
    return found
  }

  /** The tab as the settings file keeps it: big texts in draft files, referred to by hash. */
  private writeDrafts(tab: OpenTab, kept: Set<string>): OpenTab {
    const drafts = this.drafts
    const { body } = tab.spec
    if (!drafts) {
      // Without a data directory (a memory store) every text stays inline.
      if (tab.bodyDraft) throw new DraftMissingError(tab.bodyDraft)
      return tab
    }
    const out: OpenTab = { ...tab, baselineDraft: undefined }
    const baselineRef = drafts.put(tab.baseline, kept)
    if (baselineRef) Object.assign(out, { baseline: '', baselineDraft: baselineRef })
    if (body.type !== 'json' && body.type !== 'raw') return { ...out, bodyDraft: undefined }
    const bodyRef = tab.bodyDraft ? drafts.keep(tab.bodyDraft, kept) : drafts.put(body.text, kept)
    if (!bodyRef) return { ...out, bodyDraft: undefined }
    return { ...out, spec: { ...tab.spec, body: { ...body, text: '' } }, bodyDraft: bodyRef }
  }

  /** The saved value with every draft reference replaced by its text, before validation. */
  private readDrafts(saved: unknown): unknown {
    if (!isRecord(saved) || !Array.isArray(saved.tabs)) return saved
    const tabs = saved.tabs.map((tab: unknown) => {
      if (!isRecord(tab)) return tab
      const { bodyDraft, baselineDraft, ...out } = tab
      const baselineRef = DraftRefSchema.safeParse(baselineDraft)
      // A lost baseline only makes the tab show as changed.
      if (baselineRef.success) out.baseline = this.drafts?.get(baselineRef.data) ?? ''
      const bodyRef = DraftRefSchema.safeParse(bodyDraft)
      const spec = tab.spec
      if (bodyRef.success && isRecord(spec) && isRecord(spec.body)) {
        const found = this.drafts?.read(bodyRef.data) ?? null
        let text = found?.text ?? null
        if (found?.damaged)
          this.onProblem(
            `The unsaved body of the tab ${tabName(spec, tab.saved)} was damaged on disk (its ` +
              'draft file no longer matches its checksum): the tab was reopened with the text ' +
              `as found${found.movedTo ? `, and the file was moved to ${found.movedTo}` : ''}.`,
          )
        if (text === null) {
          text = ''
          this.onProblem(
            `The unsaved body of the tab ${tabName(spec, tab.saved)} was lost (its draft file ` +
              `${this.drafts?.fileOf(bodyRef.data) ?? bodyRef.data.sha256} is missing or ` +
              'unreadable): the tab was reopened with an empty body.',
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
