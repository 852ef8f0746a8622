// Builds vendor/sandbox-libraries: the modules Postman's script sandbox lends to
// `require` beyond the ones Courier reads straight from their packages
// (electron/core/scripts/sandbox/libraries.ts). Node's built-in modules as the browser
// shims Postman's sandbox bundles (buffer, events, url, util, ...), and xml2js, cheerio
// and csv-parse's sync parser, each bundled by esbuild into one CommonJS file that runs
// in QuickJS. A module that needs another of them (stream needs buffer, events, util and
// string_decoder) calls `require` for it, so the sandbox gives every script one
// instance of each, as Node does.
//
// The output is committed, and the package is a `file:` dependency, so the app, the
// command line and the tests read the same files without a build step;
// test/core/scripts/sandboxLibrariesVendor.test.ts checks they match what this script
// makes from the locked packages. Run it after updating any of them:
//   npm run vendor:sandbox-libraries            (writes vendor/sandbox-libraries)
//   node scripts/build-sandbox-libraries.mjs DIR (writes DIR, for the check)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const require = createRequire(join(root, 'package.json'))

/** The names `require` takes in a script, by the file each is bundled into. */
export const SANDBOX_LIBRARIES = {
  buffer: { file: 'buffer.js', entry: 'buffer/index.js' },
  events: { file: 'events.js', entry: 'events/events.js' },
  path: { file: 'path.js', entry: 'path-browserify/index.js' },
  punycode: { file: 'punycode.js', entry: 'punycode/punycode.js' },
  querystring: { file: 'querystring.js', entry: 'querystring-es3/index.js' },
  url: { file: 'url.js', entry: 'url/url.js' },
  util: { file: 'util.js', entry: 'util/util.js' },
  string_decoder: { file: 'string_decoder.js', entry: 'string_decoder/lib/string_decoder.js' },
  assert: { file: 'assert.js', entry: 'assert/build/assert.js' },
  stream: { file: 'stream.js', entry: 'stream-browserify/index.js' },
  timers: { file: 'timers.js', entry: 'timers-browserify/main.js' },
  xml2js: { file: 'xml2js.js', entry: 'xml2js/lib/xml2js.js' },
  // htmlparser2 only, as Postman's cheerio (0.22) parsed; without parse5 it is half the size.
  cheerio: { file: 'cheerio.js', entry: 'cheerio/slim' },
  // Postman's is csv-parse 1, whose sync module is the parse function itself.
  'csv-parse/lib/sync': {
    file: 'csv-parse-sync.js',
    source:
      "var sync = require('csv-parse/sync'); module.exports = sync.parse; module.exports.parse = sync.parse;",
  },
}

const BUILTINS = Object.keys(SANDBOX_LIBRARIES).filter(
  (name) => !name.includes('-') && name !== 'xml2js' && name !== 'cheerio',
)

/** `require('util')` or `require('buffer/')` inside a package stays a call, for the sandbox to answer. */
const builtinsStayRequires = {
  name: 'builtins-stay-requires',
  setup(b) {
    b.onResolve({ filter: /^[a-z_]+\/?$/ }, (args) => {
      const name = args.path.replace(/\/$/, '')
      return BUILTINS.includes(name) ? { path: name, external: true } : undefined
    })
  },
}

async function bundle(name, spec, injectDir) {
  const contents =
    spec.source ?? `module.exports = require(${JSON.stringify(require.resolve(spec.entry))});`
  // A free `process` in a package is a browser stand-in (nothing of the host's); a free
  // `Buffer` is the sandbox's global, as in Postman's (the kernel loads it on first use).
  const inject = [join(injectDir, 'process.js')]
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `${name}.js` },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'cjs',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    define: { global: 'globalThis' },
    inject,
    plugins: [builtinsStayRequires],
    logLevel: 'error',
  })
  return result.outputFiles[0].text
}

export async function buildSandboxLibraries(outDir) {
  const injectDir = mkdtempSync(join(tmpdir(), 'courier-sandbox-inject-'))
  try {
    writeFileSync(
      join(injectDir, 'process.js'),
      `export var process = /* @__PURE__ */ require(${JSON.stringify(require.resolve('process/browser.js'))});`,
    )
    mkdirSync(outDir, { recursive: true })
    for (const [name, spec] of Object.entries(SANDBOX_LIBRARIES)) {
      writeFileSync(join(outDir, spec.file), await bundle(name, spec, injectDir))
    }
    const versions = Object.fromEntries(
      [
        ...new Set(
          Object.values(SANDBOX_LIBRARIES).map((s) => (s.entry ?? 'csv-parse/').split('/')[0]),
        ),
      ]
        .sort()
        .map((p) => [
          p,
          JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version,
        ]),
    )
    writeFileSync(join(outDir, 'versions.json'), `${JSON.stringify(versions, null, 2)}\n`)
  } finally {
    rmSync(injectDir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSandboxLibraries(process.argv[2] ?? join(root, 'vendor', 'sandbox-libraries'))
}
