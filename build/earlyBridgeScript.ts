import { createHash } from 'node:crypto'
import { buildSync } from 'esbuild'
import type { Plugin } from 'vite'

/**
 * Builds `source` (renderer/src/api/earlyBridge.ts) into a classic script of its own, with
 * the built bridge worker's address written in, and names it at the end of index.html's
 * head, after the module script and preloads (so their fetches start first).
 *
 * Why: it starts browser mode's bridge worker (and so its socket and the first screen's
 * calls) while the page still fetches and evaluates the app's modules; see earlyBridge.ts.
 * A classic script without `async` or `defer` runs as soon as the parser reaches it and
 * it has arrived, always before any module script (those wait for the end of parsing), so
 * main.ts always finds what it started. A file of its own,
 * not inline code, so the page's CSP stays `script-src 'self'`. Build only: on the dev
 * server main.ts starts the worker itself.
 */
export function earlyBridgeScript(source: string): Plugin {
  return {
    name: 'courier-early-bridge-script',
    apply: 'build',
    generateBundle: {
      // After Vite has written index.html and emitted the workers.
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html']
        const worker = Object.values(bundle).find((f) =>
          /^assets\/bridgeSocket\.worker-[\w-]+\.js$/.test(f.fileName),
        )
        if (html?.type !== 'asset' || typeof html.source !== 'string' || !worker)
          throw new Error('earlyBridgeScript: index.html or the bridge worker is not in the bundle')
        const built = buildSync({
          entryPoints: [source],
          bundle: true,
          format: 'iife',
          minify: true,
          write: false,
          target: 'es2022',
          define: { BRIDGE_WORKER_URL: JSON.stringify(`./${worker.fileName}`) },
        })
        const code = built.outputFiles[0]!.text
        const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8)
        const fileName = `assets/earlyBridge-${hash}.js`
        this.emitFile({ type: 'asset', fileName, source: code })
        if (!html.source.includes('</head>'))
          throw new Error('earlyBridgeScript: index.html has no </head>')
        html.source = html.source.replace(
          '</head>',
          `  <script src="./${fileName}"></script>\n  </head>`,
        )
      },
    },
  }
}
