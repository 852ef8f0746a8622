// Builds the Node entry points that run without Electron into out/node: the `courier`
// command line, browser mode's web host, and the worker threads they start. One ESM
// bundle per entry, with code split at each dynamic import(), so a command loads only
// what it uses (`courier --help` loads commander and little else).
//
// Small pure-JavaScript dependencies are bundled (resolving and reading hundreds of files,
// zod's among them, cost more at start-up than the code itself); the ones below stay in
// node_modules: native modules, packages that read files of their own at run time, and
// big ones that only a rarely used command loads.
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const external = [
  'libsql', // native module
  'curlconverter', // loads tree-sitter's WASM files from its own folder
  'web-tree-sitter',
  'postman-collection', // big, and only import/export use it
  'httpsnippet',
  '@apidevtools/swagger-parser',
  'conf', // reads its own package.json
  'electron-store',
  'electron',
  'tsx',
  'ws', // optional native add-ons (bufferutil) are looked up at run time
  'quickjs-emscripten-core',
  '@jitl/*',
]

/**
 * axios chooses its http adapter in Node; its fetch adapter is never used here, yet the
 * module probes fetch, Request and ReadableStream when it loads, which makes Node load
 * undici and web streams (~20 ms of every `courier send`). This build gets a stand-in that
 * reports fetch as unsupported, as axios's own probe does where fetch is missing. The
 * build fails if axios stops importing the file, so an upgrade cannot silently skip it.
 */
const axiosWithoutFetch = {
  name: 'axios-without-fetch-adapter',
  setup(build) {
    let replaced = false
    build.onResolve({ filter: /^\.\/fetch\.js$/ }, (args) => {
      if (!args.importer.replaceAll('\\', '/').endsWith('/axios/lib/adapters/adapters.js')) return
      replaced = true
      return { path: fileURLToPath(new URL('./axiosNoFetch.mjs', import.meta.url)) }
    })
    build.onEnd((result) => {
      if (result.errors.length === 0 && !replaced) {
        throw new Error(
          'axios/lib/adapters/adapters.js no longer imports ./fetch.js: update scripts/build-node.mjs',
        )
      }
    })
  },
}

// Chunk names change with their content: old ones would only pile up.
rmSync('out/node', { recursive: true, force: true })

await build({
  entryPoints: {
    cli: 'electron/cli/index.ts',
    web: 'electron/web/index.ts',
    prettyWorker: 'electron/core/bodies/prettyWorker.ts',
    scriptWorker: 'electron/core/scripts/scriptWorker.ts',
  },
  outdir: 'out/node',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  // Less to parse at every start: the command line is started once per request in CI.
  minify: true,
  external,
  // Bundled CommonJS code may call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __courierRequire } from 'node:module'; const require = __courierRequire(import.meta.url);",
  },
  // ESM builds first: some packages' CommonJS builds require() files by computed paths.
  mainFields: ['module', 'main'],
  plugins: [axiosWithoutFetch],
  logLevel: 'warning',
})
