import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The libraries of Postman's sandbox that Courier's gives scripts too, by the name
 * `require` takes: lodash (also the global `_`), crypto-js (also `CryptoJS`), moment, ajv
 * (which pm.response.to.have.jsonSchema uses) and tv4 (also `tv4`). Real collections lean
 * on them: an HMAC signature in a pre-request script, a timestamp, a `_.get` into a body, a
 * schema check. Each is the package's own browser build (node_modules, read as text, so the
 * app and the tests load the same code), run inside QuickJS like any script: it reaches
 * nothing a script cannot, and a pattern in a schema runs under the script's CPU limit.
 */
export const LIBRARY_FILES = {
  lodash: 'lodash/lodash.min.js',
  'crypto-js': 'crypto-js/crypto-js.js',
  moment: 'moment/min/moment.min.js',
  // ajv's own browser bundle (draft-07, as the ajv 6 of Postman's jsonSchema); ajv-formats'
  // format checks are added to it (ajvAsPostmans).
  ajv: 'ajv-dist/dist/ajv7.min.js',
  tv4: 'tv4/tv4.js',
} as const

/**
 * The rest of what Postman's sandbox lends to `require`: Node's built-in modules (as the
 * browser shims it bundles: `Buffer.from(user + ':' + pass).toString('base64')` in a
 * pre-request script), xml2js, cheerio and csv-parse's sync parser. None ships a build
 * that runs alone, so each is bundled once into vendor/sandbox-libraries (the
 * `courier-sandbox-libraries` package; scripts/build-sandbox-libraries.mjs), where a
 * module that needs another `require`s it: the sandbox then holds one of each, as Node does.
 */
export const VENDORED_FILES = {
  buffer: 'buffer.js',
  events: 'events.js',
  path: 'path.js',
  punycode: 'punycode.js',
  querystring: 'querystring.js',
  url: 'url.js',
  util: 'util.js',
  string_decoder: 'string_decoder.js',
  assert: 'assert.js',
  stream: 'stream.js',
  timers: 'timers.js',
  xml2js: 'xml2js.js',
  cheerio: 'cheerio.js',
  'csv-parse/lib/sync': 'csv-parse-sync.js',
} as const

export type LibraryName = keyof typeof LIBRARY_FILES
export type VendoredName = keyof typeof VENDORED_FILES

export function isLibrary(name: string): name is LibraryName {
  return Object.hasOwn(LIBRARY_FILES, name)
}

/**
 * crypto-js draws random words (WordArray.random, a passphrase's salt) from
 * `globalThis.crypto`, which QuickJS has not: it is lent the sandbox's Math.random (sfc32,
 * seeded from the OS for each run, sandbox/kernel.ts) while it loads, and keeps that. Good
 * for nonces and test data, as Postman's crypto-js 3 (Math.random) was; not for keys.
 */
const CRYPTO_JS_LOAN = [
  "var had = Object.getOwnPropertyDescriptor(globalThis, 'crypto');",
  "Object.defineProperty(globalThis, 'crypto', { configurable: true, value: { getRandomValues: function (a) {",
  '  for (var i = 0; i < a.length; i++) a[i] = K.random() * 4294967296 >>> 0;',
  '  return a;',
  '} } });',
]
const CRYPTO_JS_RETURN = [
  "if (had) Object.defineProperty(globalThis, 'crypto', had); else delete globalThis.crypto;",
]

/** A package's file, by the path `require` takes, as text. */
export function packageFile(path: string): string {
  return readFileSync(createRequire(import.meta.url).resolve(path), 'utf8')
}

/**
 * A package file run as a function of its own, with a CommonJS `module` to fill (and no AMD
 * `define`), so that a UMD file sets no global: what it exports is `module.exports` after.
 */
export function asCommonJs(text: string): string[] {
  return [
    'var module = { exports: {} }, exports = module.exports, define;',
    '(function () {',
    text,
    '}).call(undefined);',
  ]
}

/**
 * Postman's ajv is ajv 6, which checked formats ("fast" ones) and let keywords it did not
 * know pass (draft-04's `id` among them). ajv 8 leaves formats to ajv-formats and, strict
 * by default, throws at a schema's `example` or `id`: so `require('ajv')` gives ajv 8 made
 * lenient and given ajv-formats' own fast formats (its formats.js, plain CommonJS with no
 * imports). A script's own options still win.
 */
function ajvAsPostmans(): string[] {
  return [
    'var formats = (function () {',
    ...asCommonJs(packageFile('ajv-formats/dist/formats.js')),
    'return module.exports.fastFormats;',
    '})();',
    'var Ajv = module.exports;',
    'class PostmanAjv extends Ajv {',
    '  constructor(options) {',
    '    options = Object.assign({ strict: false }, options);',
    '    options.formats = Object.assign({}, formats, options.formats);',
    '    super(options);',
    // ajv 8 throws at a draft-04 `id`; ajv 6 ignored it.
    "    if (!options.strict) this.removeKeyword('id');",
    '  }',
    '}',
    'PostmanAjv.default = PostmanAjv;',
    'module.exports = PostmanAjv;',
  ]
}

/**
 * A vendored module as a sandbox module: its CommonJS bundle, whose `require` is the
 * kernel's (K.require, what a script's `require` gives), so what it needs is loaded once.
 */
export function vendoredSource(name: VendoredName): string {
  return [
    '(function (K) {',
    'var require = K.require;',
    ...asCommonJs(packageFile(`courier-sandbox-libraries/${VENDORED_FILES[name]}`)),
    'return module.exports;',
    '})',
  ].join('\n')
}

/**
 * A library as a sandbox module (a function of the kernel's K, see modules.ts): its UMD
 * file run as CommonJS (asCommonJs), so it sets no global of its own; the kernel names it.
 */
export function librarySource(name: LibraryName): string {
  const crypto = name === 'crypto-js'
  return [
    '(function (K) {',
    ...(crypto ? CRYPTO_JS_LOAN : []),
    'try {',
    ...asCommonJs(packageFile(LIBRARY_FILES[name])),
    ...(name === 'ajv' ? ajvAsPostmans() : []),
    '} finally {',
    ...(crypto ? CRYPTO_JS_RETURN : []),
    '}',
    'return module.exports;',
    '})',
  ].join('\n')
}
