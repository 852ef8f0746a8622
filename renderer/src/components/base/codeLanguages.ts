/**
 * The languages the code editor highlights, each loaded on first use: most sessions
 * never open an XML or HTML body, and the parsers are a large part of the editor's weight.
 */
import type { Extension } from '@codemirror/state'

/** The languages the editor highlights; anything else is plain text. */
export type CodeLanguage = 'json' | 'xml' | 'html' | 'javascript' | 'text'

type Highlighted = Exclude<CodeLanguage, 'text'>

const loaders: Record<Highlighted, () => Promise<Extension>> = {
  json: () => import('@codemirror/lang-json').then((m) => m.json()),
  xml: () => import('@codemirror/lang-xml').then((m) => m.xml()),
  html: () => import('@codemirror/lang-html').then((m) => m.html()),
  javascript: () =>
    Promise.all([import('@codemirror/lang-javascript'), import('./scriptApiCompletion')]).then(
      ([js, api]) => [js.javascript(), api.scriptApiCompletion()],
    ),
}

const loaded = new Map<CodeLanguage, Extension>([['text', []]])
const loading = new Map<CodeLanguage, Promise<Extension>>()

/** The language support when it has been loaded already; undefined until then. */
export function loadedLanguage(language: CodeLanguage): Extension | undefined {
  return loaded.get(language)
}

/** Loads a language's support once; later calls share the same load. */
export function loadLanguage(language: CodeLanguage): Promise<Extension> {
  const ready = loaded.get(language)
  if (ready) return Promise.resolve(ready)
  let pending = loading.get(language)
  if (!pending) {
    pending = loaders[language as Highlighted]().then((extension) => {
      loaded.set(language, extension)
      loading.delete(language)
      return extension
    })
    // A failed load (the app was updated underneath) may be tried again on next use.
    pending.catch(() => loading.delete(language))
    loading.set(language, pending)
  }
  return pending
}
