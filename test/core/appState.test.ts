import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppStateService } from '../../electron/core/settings/appStateService'
import { DraftMissingError } from '../../electron/core/settings/draftFiles'
import { createMemoryStore } from '../../electron/core/storage/keyValueStore'
import { openConfStore } from '../../electron/core/storage/openConfStore'
import { APP_STATE_SCHEMA_VERSION, type AppState } from '../../shared/model/appState'
import { emptyRequest } from '../../shared/model/request'

const SENTINEL = 'SENTINEL-tab-3d9e'

describe('open tabs kept across restarts', () => {
  it('keeps drafts but never writes a typed credential or a secret variable value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const store = openConfStore(dir, [])
    const service = new AppStateService(store)
    service.save({
      schemaVersion: APP_STATE_SCHEMA_VERSION,
      active: 0,
      tabs: [
        {
          spec: {
            ...emptyRequest(),
            url: 'http://h/draft',
            auth: { type: 'bearer', token: SENTINEL },
          },
          variables: [{ name: 'token', value: SENTINEL, enabled: true, secret: true }],
          saved: null,
          baseline: '',
        },
      ],
    })
    expect(readFileSync(store.path, 'utf8')).not.toContain(SENTINEL)
    const restored = new AppStateService(openConfStore(dir, [])).get()
    expect(restored.tabs[0]?.spec.url).toBe('http://h/draft')
    expect(restored.tabs[0]?.spec.auth).toEqual({ type: 'bearer', token: '' })
    expect(restored.tabs[0]?.variables[0]).toMatchObject({ name: 'token', value: '', secret: true })
  })

  it('starts with no tabs, and with no tabs and a notice when the saved state is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const store = openConfStore(dir, [])
    const notices: string[] = []
    const service = new AppStateService(store, (m) => notices.push(m))
    expect(service.get().tabs).toEqual([])
    store.set('appState', { schemaVersion: 1, tabs: 'not a list' })
    expect(service.get().tabs).toEqual([])
    expect(notices[0]).toMatch(/could not be restored/)
    // Quarantined before the next save replaces it: the notice names the copy.
    const aside = readdirSync(dir).filter((n) => /^appState\.corrupt-.*\.json$/.test(n))
    expect(aside).toHaveLength(1)
    expect(notices[0]).toContain(join(dir, aside[0]!))
    expect(JSON.parse(readFileSync(join(dir, aside[0]!), 'utf8'))).toEqual({
      schemaVersion: 1,
      tabs: 'not a list',
    })
  })
})

/** A JSON body of about `chars` characters, with quotes, line breaks and non-ASCII text. */
function bigJson(chars: number, seed = 'a'): string {
  const item = (i: number) => `  {"id": ${i}, "name": "Zoë ${seed}${i}", "tags": ["x", "y"]}`
  const items: string[] = []
  for (let size = 0, i = 0; size < chars; i++) {
    items.push(item(i))
    size += items.at(-1)!.length + 2
  }
  return `[\n${items.join(',\n')}\n]`
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** One tab with this body; its text is left empty when `bodyDraft` names a draft instead. */
function stateWith(text: string, baseline = '', bodyDraft?: { sha256: string }): AppState {
  return {
    schemaVersion: APP_STATE_SCHEMA_VERSION,
    active: 0,
    tabs: [
      {
        spec: {
          ...emptyRequest(),
          method: 'PUT',
          url: 'http://h/big',
          body: { type: 'json', text },
        },
        variables: [],
        saved: null,
        baseline,
        bodyDraft,
      },
    ],
  }
}

function openService(dir: string, notices: string[] = []) {
  const store = openConfStore(dir, [])
  return { store, service: new AppStateService(store, (m) => notices.push(m)) }
}

describe('big drafts kept beside the settings file', () => {
  it('keeps a body over 256 KB in drafts/<sha256>.txt and gives it back whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const { store, service } = openService(dir)
    const body = bigJson(3_000_000)
    const baseline = JSON.stringify({ spec: { body }, variables: [] })
    service.save(stateWith(body, baseline))

    const settings = readFileSync(store.path, 'utf8')
    expect(settings.length).toBeLessThan(10_000)
    expect(readdirSync(join(dir, 'drafts')).sort()).toEqual(
      [`${sha256(body)}.txt`, `${sha256(baseline)}.txt`].sort(),
    )
    expect(readFileSync(join(dir, 'drafts', `${sha256(body)}.txt`), 'utf8')).toBe(body)

    const restored = openService(dir).service.get()
    expect(restored.tabs[0]?.spec.body).toEqual({ type: 'json', text: body })
    expect(restored.tabs[0]?.spec.url).toBe('http://h/big')
    expect(restored.tabs[0]?.baseline).toBe(baseline)
  })

  it('takes an unchanged body as a reference to its draft, and refuses one to a lost draft', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const { service } = openService(dir)
    const body = bigJson(400_000)
    // The save names the draft keeping the body, and the body can be read back by it.
    expect(service.save(stateWith(body))).toEqual({ drafts: [sha256(body)] })
    const ref = { sha256: sha256(body) }
    expect(service.draftText(ref)).toBe(body)
    expect(() => service.draftText({ sha256: '0'.repeat(64) })).toThrow(DraftMissingError)
    const withRef = stateWith('', '', ref)
    withRef.tabs[0]!.spec.url = 'http://h/renamed'
    service.save(withRef)
    expect(service.get().tabs[0]?.spec).toMatchObject({
      url: 'http://h/renamed',
      body: { type: 'json', text: body },
    })

    const lost = stateWith('', '', { sha256: '0'.repeat(64) })
    lost.tabs[0]!.spec.url = 'http://h/lost'
    expect(() => service.save(lost)).toThrow(DraftMissingError)
    // Nothing was written: the last good state stands, its draft kept.
    expect(service.get().tabs[0]?.spec.url).toBe('http://h/renamed')
    expect(existsSync(join(dir, 'drafts', `${sha256(body)}.txt`))).toBe(true)
  })

  it('deletes drafts no state refers to any more, and temporary files a crash left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const { service } = openService(dir)
    const drafts = join(dir, 'drafts')
    const first = bigJson(400_000, 'first')
    const second = bigJson(400_000, 'second')
    service.save(stateWith(first))
    const leftover = join(drafts, '.crashed.tmp')
    writeFileSync(leftover, 'half a draft')
    utimesSync(leftover, new Date(0), new Date(0))
    const writing = join(drafts, '.in-progress.tmp')
    writeFileSync(writing, 'another process, writing now')

    service.save(stateWith(second))
    expect(readdirSync(drafts).sort()).toEqual(['.in-progress.tmp', `${sha256(second)}.txt`])
    service.save(stateWith('{"small": true}'))
    expect(readdirSync(drafts)).toEqual(['.in-progress.tmp'])
    expect(service.get().tabs[0]?.spec.body).toEqual({ type: 'json', text: '{"small": true}' })
  })

  it('gives a tab whose draft file is missing back with an empty body and a notice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const body = bigJson(400_000)
    const { service } = openService(dir)
    const state = stateWith(body)
    state.tabs.push({ ...state.tabs[0]!, spec: { ...emptyRequest(), url: 'http://h/other' } })
    service.save(state)
    rmSync(join(dir, 'drafts'), { recursive: true })

    const notices: string[] = []
    const restored = openService(dir, notices).service.get()
    expect(restored.tabs.map((t) => t.spec.url)).toEqual(['http://h/big', 'http://h/other'])
    expect(restored.tabs[0]?.spec).toMatchObject({
      method: 'PUT',
      body: { type: 'json', text: '' },
    })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/unsaved body of the tab for http:\/\/h\/big was lost/)
    expect(notices[0]).toContain(`${sha256(body)}.txt`)
  })

  it('moves a damaged draft to quarantine and reopens the tab with its text as found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const body = bigJson(400_000)
    const { service } = openService(dir)
    service.save(stateWith(body))
    const draft = join(dir, 'drafts', `${sha256(body)}.txt`)
    // One byte changed on disk: the file no longer matches the hash it is named by.
    const damaged = `${body.slice(0, 1000)}X${body.slice(1001)}`
    writeFileSync(draft, damaged)

    const notices: string[] = []
    const reopened = openService(dir, notices).service
    expect(reopened.get().tabs[0]?.spec.body).toEqual({ type: 'json', text: damaged })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/unsaved body of the tab for http:\/\/h\/big was damaged on disk/)
    const moved = /moved to (.+)\.$/.exec(notices[0]!)![1]!
    expect(
      moved.startsWith(join(dir, 'quarantine', 'drafts', `${sha256(body)}.txt.corrupt-`)),
    ).toBe(true)
    expect(readFileSync(moved, 'utf8')).toBe(damaged)
    expect(statSync(join(dir, 'quarantine')).mode & 0o777).toBe(0o700)
    expect(existsSync(draft)).toBe(false)
    // A send that names the damaged draft is told to send the whole text again.
    expect(() => reopened.draftText({ sha256: sha256(body) })).toThrow(DraftMissingError)
  })

  it('keeps every body inline in a store without a folder (memory)', () => {
    const service = new AppStateService(createMemoryStore())
    const body = bigJson(400_000)
    service.save(stateWith(body))
    expect(service.get().tabs[0]?.spec.body).toEqual({ type: 'json', text: body })
    expect(() => service.save(stateWith('', '', { sha256: sha256(body) }))).toThrow(
      DraftMissingError,
    )
  })

  it('reads a version-1 state, whose big texts were NUL-prefixed markers, and writes typed references', () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-state-'))
    const { store } = openService(dir)
    const body = bigJson(400_000)
    const baseline = bigJson(300_000, 'baseline')
    mkdirSync(join(dir, 'drafts'))
    writeFileSync(join(dir, 'drafts', `${sha256(body)}.txt`), body)
    writeFileSync(join(dir, 'drafts', `${sha256(baseline)}.txt`), baseline)
    const marker = (text: string) => `\u0000courier-draft:sha256:${sha256(text)}`
    const v1 = stateWith(marker(body), marker(baseline))
    store.set('appState', { ...v1, schemaVersion: 1 })

    const { service } = openService(dir)
    const restored = service.get()
    expect(restored.tabs[0]?.spec.body).toEqual({ type: 'json', text: body })
    expect(restored.tabs[0]?.baseline).toBe(baseline)
    expect(restored.tabs[0]?.bodyDraft).toBeUndefined()

    service.save(restored)
    const written = JSON.parse(readFileSync(store.path, 'utf8')).appState
    expect(written.schemaVersion).toBe(APP_STATE_SCHEMA_VERSION)
    expect(written.tabs[0].bodyDraft).toEqual({ sha256: sha256(body) })
    expect(written.tabs[0].baselineDraft).toEqual({ sha256: sha256(baseline) })
    expect(written.tabs[0].spec.body.text).toBe('')
    expect(JSON.stringify(written)).not.toContain('\\u0000')
  })
})
