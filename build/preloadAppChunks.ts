import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite'

/**
 * Lists, in index.html, the app's code that main.ts loads with `import()` (modulepreload
 * for its chunks, a preload for its CSS), so the browser fetches it beside main.ts.
 *
 * Why: main.ts starts the connection and imports the app at the same time, but the browser
 * only learns of the app's chunks once main.ts has arrived and run, so they came one round
 * after it. Preloaded, they are on their way from the start; the import still decides
 * when they run, and what loads on first use (the editor, history) stays out.
 */
export function preloadAppChunks(appModule: string): Plugin {
  return {
    name: 'courier-preload-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return []
        const chunks = Object.values(bundle).filter(
          (c): c is Rolldown.OutputChunk => c.type === 'chunk',
        )
        const app = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(appModule)))
        if (!app) throw new Error(`preloadAppChunks: no chunk for ${appModule}`)
        const byName = new Map(chunks.map((c) => [c.fileName, c]))
        const entry = ctx.chunk
        // The entry's own imports are in index.html already.
        const loaded = new Set([entry?.fileName, ...(entry?.imports ?? [])])
        const scripts: string[] = []
        const styles = new Set<string>()
        const visit = (chunk: Rolldown.OutputChunk) => {
          if (loaded.has(chunk.fileName) || scripts.includes(chunk.fileName)) return
          scripts.push(chunk.fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const name of chunk.imports) {
            const next = byName.get(name)
            if (next) visit(next)
          }
        }
        visit(app)
        const tags: HtmlTagDescriptor[] = scripts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        }))
        for (const file of styles)
          tags.push({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` },
            injectTo: 'head',
          })
        return tags
      },
    },
  }
}
