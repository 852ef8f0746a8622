import { describe, expect, it } from 'vitest'
import { emptyHistoryFilter, HistoryFilterSchema } from '../../shared/model/history'
import { emptyOAuth2, OAuth2AuthSchema } from '../../shared/model/oauth2'
import { SettingsSchema } from '../../shared/model/settings'
import { defaultSettings } from '../../shared/model/settingsDefaults'

// The renderer starts without zod (issue 19), so these defaults are written out by hand:
// each must stay what its schema gives, or the page would start from other values than
// the Node side fills in.
describe('defaults written out for the renderer', () => {
  it('settings: what SettingsSchema gives an empty document', () => {
    expect(defaultSettings()).toEqual(SettingsSchema.parse({}))
  })

  it('a blank OAuth 2.0 auth: what OAuth2AuthSchema gives', () => {
    expect(emptyOAuth2()).toEqual(OAuth2AuthSchema.parse({ type: 'oauth2' }))
  })

  it('the history filter that shows everything: what HistoryFilterSchema gives', () => {
    expect(emptyHistoryFilter()).toEqual(HistoryFilterSchema.parse({}))
  })

  it('hands out a fresh object each time, so editing one changes no other', () => {
    const a = defaultSettings()
    a.tls.caFiles.push('x')
    expect(defaultSettings().tls.caFiles).toEqual([])
  })
})
