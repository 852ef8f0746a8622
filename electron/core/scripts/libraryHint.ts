import { VENDORED_FILES, type LibraryName, type VendoredName } from './sandbox/libraries'

/** A library, a vendored module, or xml2Json (sandbox/xml2Json.ts), which is a global only. */
export type NamedModule = LibraryName | VendoredName | 'xml2Json'

const escaped = (name: string) => name.replace(/[/.-]/g, (c) => `\\${c}`)
/** `require('name')` (or with double quotes) of a vendored module. */
const requireOf = (name: VendoredName): RegExp =>
  new RegExp(`require\\(\\s*['"]${escaped(name)}['"]`)

/**
 * The libraries a script may use (sandbox/libraries.ts, and xml2Json), read from its text,
 * as chaiHint.ts reads chai: `_.` or `_(` or `lodash`; `CryptoJS` or `crypto-js`; `moment`;
 * `jsonSchema` or `ajv`; `tv4`; `xml2Json`; `Buffer`; `cheerio`; `require('url')` and the
 * other vendored modules by name. The pool compiles each named one into the
 * instance's pristine state before the script (or before a run that names it), once,
 * instead of into every script that uses it (in a sandbox instance: lodash ~30 ms, ajv ~80,
 * tv4 ~12). A miss costs time only: the script loads the library into its own context.
 */
const HINTS: [NamedModule, RegExp][] = [
  ['lodash', /(?:^|[^\w$.])_\s*[.([]|lodash/],
  ['crypto-js', /CryptoJS|crypto-js/],
  ['moment', /moment/],
  ['ajv', /jsonSchema|ajv/],
  ['tv4', /tv4/],
  ['xml2Json', /xml2Json/],
  // The global Buffer and cheerio, as Postman's sandbox has them.
  ['buffer', /\bBuffer\b|require\(\s*['"]buffer['"]/],
  ['cheerio', /cheerio/],
]

/** The other vendored modules, by `require` only. */
const REQUIRED: [NamedModule, RegExp][] = (Object.keys(VENDORED_FILES) as VendoredName[])
  .filter((name) => name !== 'buffer' && name !== 'cheerio')
  .map((name) => [name, requireOf(name)])

export function librariesNamed(source: string): NamedModule[] {
  const named = HINTS.filter(([, hint]) => hint.test(source)).map(([name]) => name)
  // Read for every script a run sends: most never call require, so one look decides.
  if (source.includes('require')) {
    for (const [name, hint] of REQUIRED) if (hint.test(source)) named.push(name)
  }
  return named
}
