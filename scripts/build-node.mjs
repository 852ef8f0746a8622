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
 * axios imports form-data only to turn a plain object sent as multipart into a body; the
 * engine sends text, streams or Node's own FormData. Bundled as is, form-data and the
 * tables of mime-types are set up on every start (~6 ms of each `courier send`): here
 * axios gets a stand-in that sets up the bundled form-data on first use. The build fails
 * if axios stops importing it, so an upgrade cannot silently skip the stand-in.
 */
const axiosLazyFormData = {
  name: 'axios-lazy-form-data',
  setup(build) {
    let used = false
    build.onResolve({ filter: /^form-data$/ }, (args) => {
      if (!args.importer.replaceAll('\\', '/').includes('/axios/lib/')) return
      used = true
      return { path: fileURLToPath(new URL('./axiosLazyFormData.cjs', import.meta.url)) }
    })
    build.onEnd((result) => {
      if (result.errors.length === 0 && !used) {
        throw new Error('axios no longer imports form-data: update scripts/build-node.mjs')
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
    historyWriterWorker: 'electron/core/history/historyWriterWorker.ts',
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
  plugins: [axiosLazyFormData],
  logLevel: 'warning',
})
