import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import RequestEditor from '../../../renderer/src/components/request/RequestEditor.vue'
import { useRequestTabsStore } from '../../../renderer/src/stores/useRequestTabsStore'
import { requestTabsLoaded } from '../lazyParts'

/** The request editor on a fresh tab, in a fresh Pinia, attached to the document. */
export function mountEditor() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const tab = useRequestTabsStore().open()
  const wrapper = mount(RequestEditor, {
    props: { tab },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
  /**
   * Clicks the request tab whose name starts with `start` (names may carry a count), and
   * waits for its editor, which may load on first use.
   */
  const openTab = async (start: string) => {
    await wrapper
      .findAll('[role="tab"]')
      .find((t) => t.text().startsWith(start))!
      .trigger('click')
    await requestTabsLoaded()
  }
  return { wrapper, tab, openTab }
}
