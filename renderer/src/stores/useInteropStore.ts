import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CodeLanguage, ExportFormat, ImportReport } from '../../../shared/model/interop'
import type { RequestSpec } from '../../../shared/model/request'
import { useApi } from '../api/currentApi'
import { downloadFile } from '../composables/downloadFile'
import { attemptInto } from './attempt'
import { useWorkspaceStore } from './useWorkspaceStore'

/** Import, export and code generation: the renderer's side of interop with other tools. */
export const useInteropStore = defineStore('interop', () => {
  const workspace = useWorkspaceStore()
  const languages = ref<CodeLanguage[]>([])
  /** The last import's report, shown until dismissed. */
  const report = ref<ImportReport | null>(null)
  const error = ref<string | null>(null)

  const attempt = attemptInto(error)

  async function loadLanguages() {
    if (languages.value.length === 0) {
      languages.value = (await attempt(() => useApi().interop.languages({}))) ?? []
    }
  }

  async function code(spec: RequestSpec, variables: Record<string, string>, language: string) {
    return attempt(() => useApi().interop.code({ spec, variables, language }))
  }

  /** Imports text (a file's content or a paste) into the open workspace; true on success. */
  async function importText(text: string, fileName: string) {
    const done = await attempt(() => useApi().interop.import({ text, fileName, into: '' }))
    if (!done) return false
    report.value = done
    await workspace.refresh()
    return true
  }

  async function parseCurl(text: string) {
    return attempt(() => useApi().interop.parseCurl({ text }))
  }

  /** A folder ('' = workspace) as Postman or HAR text, downloaded as a file. */
  async function exportFolder(folder: string, format: ExportFormat, name: string) {
    const text = await attempt(() => useApi().interop.export({ folder, format }))
    if (text === null) return
    const extension = format === 'har' ? 'har' : 'postman_collection.json'
    downloadFile(`${name}.${extension}`, text, 'application/json')
  }

  return { languages, report, error, loadLanguages, code, importText, parseCurl, exportFolder }
})
