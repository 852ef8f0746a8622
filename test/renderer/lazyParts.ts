import { flushPromises } from '@vue/test-utils'
import { loadLanguage } from '../../renderer/src/components/base/codeLanguages'

/**
 * The code editor and its languages, the large-body viewer and the history panel load on
 * first use, as in the app. Awaiting the same modules their loaders import, then letting Vue
 * render, leaves every mounted component showing them: tests that look inside wait here,
 * whichever test in a file happens to run first.
 */
export async function lazyPartsLoaded(): Promise<void> {
  await Promise.all([
    import('../../renderer/src/components/base/BaseCodeEditor.vue'),
    import('../../renderer/src/components/response/large/LargeBodyViewer.vue'),
    import('../../renderer/src/components/history/HistoryPanel.vue'),
    ...(['json', 'xml', 'html', 'javascript'] as const).map(loadLanguage),
  ])
  await flushPromises()
}
