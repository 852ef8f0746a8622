import { flushPromises } from '@vue/test-utils'
import { loadLanguage } from '../../renderer/src/components/base/codeLanguages'

/**
 * The code editor and its languages, the large-body viewer, the history panel, the
 * request and response tabs past the first, the Runner and the dialogs load on first use,
 * as in the app. Awaiting the same modules their loaders import, then letting Vue
 * render, leaves every mounted component showing them: tests that look inside wait here,
 * whichever test in a file happens to run first.
 */
export async function lazyPartsLoaded(): Promise<void> {
  await Promise.all([
    import('../../renderer/src/components/base/BaseCodeEditor.vue'),
    import('../../renderer/src/components/response/large/LargeBodyViewer.vue'),
    import('../../renderer/src/components/history/HistoryPanel.vue'),
    import('../../renderer/src/components/history/HistoryEntryDialog.vue'),
    import('../../renderer/src/components/history/HistoryCompareDialog.vue'),
    import('../../renderer/src/components/request/RequestAssertionsEditor.vue'),
    import('../../renderer/src/components/request/RequestAuthEditor.vue'),
    import('../../renderer/src/components/request/RequestScriptsEditor.vue'),
    import('../../renderer/src/components/request/RequestSettingsEditor.vue'),
    import('../../renderer/src/components/request/RequestCodePanel.vue'),
    import('../../renderer/src/components/request/RequestVariablesEditor.vue'),
    import('../../renderer/src/components/response/ResponseTimeline.vue'),
    import('../../renderer/src/components/response/ResponseTestsPanel.vue'),
    import('../../renderer/src/components/runner/RunnerView.vue'),
    import('../../renderer/src/components/settings/ProxySettingsDialog.vue'),
    import('../../renderer/src/components/settings/TlsSettingsDialog.vue'),
    import('../../renderer/src/components/cookies/CookiesDialog.vue'),
    import('../../renderer/src/components/environment/EnvironmentManagerDialog.vue'),
    import('../../renderer/src/components/workspace/WorkspaceDefaultsDialog.vue'),
    import('../../renderer/src/components/workspace/WorkspaceImportDialog.vue'),
    ...(['json', 'xml', 'html', 'javascript'] as const).map(loadLanguage),
  ])
  await flushPromises()
}

/**
 * The request editor's tabs that load when chosen (Auth, Variables, Tests, Scripts,
 * Settings, Code): lighter than lazyPartsLoaded, for tests that only open a tab.
 */
export async function requestTabsLoaded(): Promise<void> {
  await Promise.all([
    import('../../renderer/src/components/request/RequestAssertionsEditor.vue'),
    import('../../renderer/src/components/request/RequestAuthEditor.vue'),
    import('../../renderer/src/components/request/RequestScriptsEditor.vue'),
    import('../../renderer/src/components/request/RequestSettingsEditor.vue'),
    import('../../renderer/src/components/request/RequestCodePanel.vue'),
    import('../../renderer/src/components/request/RequestVariablesEditor.vue'),
  ])
  await flushPromises()
}
