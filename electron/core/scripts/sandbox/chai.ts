import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Where chai's interfaces past `expect` start in its bundled file: `should` and `assert`. */
const PAST_EXPECT = '// lib/chai/interface/should.js'

/**
 * Sandbox module `chai`, for pm.expect: chai's own bundled ESM file (node_modules/chai,
 * read as text, so the app bundle and the tests load the same code), up to its `expect`
 * interface. Postman exposes neither `should` nor `assert`; leaving them out saves a fifth
 * of the parse. chai wants an EventTarget for plugin events, which QuickJS lacks; a no-op
 * one is enough. Postman's response assertions are added to it (response module).
 *
 * Compiling it costs about 8 ms (QuickJS compiles the ~115 KB in full, and
 * quickjs-emscripten cannot save bytecode to reuse in another context): too much for every
 * script, and loading it on first use would still cost it to most scripts of real
 * collections. It is compiled once per sandbox instance instead, into the state every
 * script starts from (sandboxInstance.ts), so pm.expect costs a script nothing extra.
 */
export function chaiModuleSource(): string {
  const path = createRequire(import.meta.url).resolve('chai')
  const text = readFileSync(path, 'utf8')
  const cut = text.indexOf(PAST_EXPECT)
  if (cut < 0 || !text.includes('function expect(')) {
    throw new Error(
      `${path} is not laid out as chai 6 was (no "${PAST_EXPECT}"): check the chai version.`,
    )
  }
  return [
    '(function (K) {',
    "'use strict';",
    'var EventTarget = class { addEventListener() {} removeEventListener() {} dispatchEvent() { return true; } };',
    'var Event = class { constructor(type) { this.type = type; } };',
    text.slice(0, cut),
    'var chai = { expect: expect, Assertion: Assertion, AssertionError: AssertionError, config: config, util: utils_exports };',
    "K.use('response').installChai(chai);",
    'return chai;',
    '})',
  ].join('\n')
}
