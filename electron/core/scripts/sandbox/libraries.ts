import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The libraries of Postman's sandbox that Courier's gives scripts too, by the name
 * `require` takes: lodash (also the global `_`), crypto-js (also `CryptoJS`) and moment.
 * Real collections lean on them: an HMAC signature in a pre-request script, a timestamp, a
 * `_.get` into a body. Each is the package's own browser build (node_modules, read as text,
 * so the app and the tests load the same code), run inside QuickJS like any script: it
 * reaches nothing a script cannot.
 */
export const LIBRARY_FILES = {
  lodash: 'lodash/lodash.min.js',
  'crypto-js': 'crypto-js/crypto-js.js',
  moment: 'moment/min/moment.min.js',
} as const

export type LibraryName = keyof typeof LIBRARY_FILES

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

/**
 * A library as a sandbox module (a function of the kernel's K, see modules.ts): its UMD
 * file given a CommonJS `module` to fill (and no AMD `define`), so it sets no global of its
 * own; the kernel names it.
 */
export function librarySource(name: LibraryName): string {
  const path = createRequire(import.meta.url).resolve(LIBRARY_FILES[name])
  const text = readFileSync(path, 'utf8')
  const crypto = name === 'crypto-js'
  return [
    '(function (K) {',
    'var module = { exports: {} }, exports = module.exports, define;',
    ...(crypto ? CRYPTO_JS_LOAN : []),
    'try {',
    '(function () {',
    text,
    '}).call(undefined);',
    '} finally {',
    ...(crypto ? CRYPTO_JS_RETURN : []),
    '}',
    'return module.exports;',
    '})',
  ].join('\n')
}
