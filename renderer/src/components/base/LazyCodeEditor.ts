/**
 * BaseCodeEditor, loaded on first use: CodeMirror is about half of the renderer's code, and
 * the workbench is usable (URL bar, params, headers, Send) before any editor shows. A
 * template ref on this component reaches the editor itself once it has loaded.
 */
import { defineAsyncComponent, h } from 'vue'

export default defineAsyncComponent({
  loader: () => import('./BaseCodeEditor.vue'),
  // Holds the editor's place (it fills its pane) for the moment its code takes to arrive.
  // The editor's props reach it as attributes: kept off the DOM, where a 5 MB modelValue
  // would become an attribute.
  loadingComponent: {
    name: 'CodeEditorLoading',
    inheritAttrs: false,
    render: () => h('div', { 'aria-busy': 'true', style: 'height: 100%; min-height: 0' }),
  },
  delay: 0,
})
