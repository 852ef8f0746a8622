import type { LibraryName } from './sandbox/libraries'

/** A library, or xml2Json (sandbox/xml2Json.ts), which is a global only. */
export type NamedModule = LibraryName | 'xml2Json'

/**
 * The libraries a script may use (sandbox/libraries.ts, and xml2Json), read from its text,
 * as chaiHint.ts reads chai: `_.` or `_(` or `lodash`; `CryptoJS` or `crypto-js`; `moment`;
 * `jsonSchema` or `ajv`; `tv4`; `xml2Json`. The pool compiles each named one into the
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
]

export function librariesNamed(source: string): NamedModule[] {
  return HINTS.filter(([, hint]) => hint.test(source)).map(([name]) => name)
}
