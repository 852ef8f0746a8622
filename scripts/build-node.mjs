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
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const external = [
  'libsql', // native module
  'curlconverter', // loads tree-sitter's WASM files from its own folder
  'web-tree-sitter',
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

/**
 * A stand-in for one module a bundled package imports, set up on first use instead of at
 * start-up (`stub` in scripts/); the build fails if the package stops importing it, so an
 * upgrade cannot silently skip the stand-in. `keepExternal`: the stand-in's own import of
 * the real module stays a run-time require() from node_modules.
 */
function lazyStandIn({ name, module, importer, stub, keepExternal = false }) {
  const filter = new RegExp(`^${module.replace(/[/.]/g, (c) => `\\${c}`)}$`)
  return {
    name,
    setup(build) {
      let used = false
      build.onResolve({ filter }, (args) => {
        const from = args.importer.replaceAll('\\', '/')
        if (from.includes(importer)) {
          used = true
          return { path: fileURLToPath(new URL(`./${stub}`, import.meta.url)) }
        }
        return keepExternal ? { path: module, external: true } : undefined
      })
      build.onEnd((result) => {
        if (result.errors.length === 0 && !used) {
          throw new Error(`${importer} no longer imports ${module}: update scripts/build-node.mjs`)
        }
      })
    },
  }
}

/**
 * axios sets up its fetch adapter when it loads, and that reads `fetch`, `Request` and
 * `Response` off globalThis, which makes Node load undici (~30 ms of every start). The
 * engine only uses the http adapter.
 */
const axiosLazyFetch = lazyStandIn({
  name: 'axios-lazy-fetch',
  module: './fetch.js',
  importer: '/axios/lib/adapters/',
  stub: 'axiosLazyFetch.cjs',
})

/**
 * postman-collection (which `courier run` and import use to read requests) loads faker's
 * English locale for its {{$random...}} variables, which Courier resolves itself: ~70 ms of
 * every `courier run` start. Bundled, it gets a faker that loads on first use; faker itself
 * stays in node_modules.
 */
const postmanLazyFaker = lazyStandIn({
  name: 'postman-lazy-faker',
  module: '@faker-js/faker/locale/en',
  importer: '/postman-collection/lib/',
  stub: 'postmanLazyFaker.cjs',
  keepExternal: true,
})

/**
 * axios's utils read `globalThis.FormData` when they load, to recognise FormData bodies;
 * in Node that getter loads undici (~30 ms of every start). Patched to read it at the
 * first isFormData() call with a value (a body), which GETs never make. The build fails if
 * the text patched is gone, so an upgrade cannot silently undo it.
 */
const axiosLazyFormDataCheck = {
  name: 'axios-lazy-form-data-check',
  setup(build) {
    const patches = [
      [
        "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;",
        "let formDataCtorRead; const formDataCtor = () => (formDataCtorRead ??= [typeof G.FormData !== 'undefined' ? G.FormData : undefined])[0];",
      ],
      [
        'if (FormDataCtor && thing instanceof FormDataCtor) return true;',
        'const FormDataCtor = formDataCtor(); if (FormDataCtor && thing instanceof FormDataCtor) return true;',
      ],
    ]
    build.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]utils\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8')
      for (const [from, to] of patches) {
        if (!contents.includes(from)) {
          throw new Error(
            `axios's utils.js changed ("${from}" is gone): update scripts/build-node.mjs`,
          )
        }
        contents = contents.replace(from, to)
      }
      return { contents, loader: 'js' }
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
  plugins: [axiosLazyFormData, axiosLazyFormDataCheck, axiosLazyFetch, postmanLazyFaker],
  logLevel: 'warning',
})
