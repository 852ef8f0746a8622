import { BASE64_SOURCE } from './base64'
import { chaiModuleSource } from './chai'
import { JAR_SOURCE } from './cookieJar'
import { INSPECT_SOURCE } from './inspect'
import { librarySource, VENDORED_FILES, vendoredSource, type VendoredName } from './libraries'
import { LEGACY_SOURCE } from './legacy'
import { LISTS_SOURCE } from './lists'
import { REQUEST_SOURCE } from './request'
import { RESPONSE_SOURCE } from './response'
import { SCHEMA_SOURCE } from './schema'
import { SEND_SOURCE } from './sendRequest'
import { UUID_SOURCE } from './uuid'
import { VARIABLES_SOURCE } from './variables'
import { xml2JsonSource } from './xml2Json'

/** The sandbox modules the kernel loads on first use, by name: each evaluates to `function (K)`. */
const SOURCES: Record<string, () => string> = {
  variables: () => VARIABLES_SOURCE,
  lists: () => LISTS_SOURCE,
  legacy: () => LEGACY_SOURCE,
  request: () => REQUEST_SOURCE,
  response: () => RESPONSE_SOURCE,
  send: () => SEND_SOURCE,
  cookieJar: () => JAR_SOURCE,
  inspect: () => INSPECT_SOURCE,
  base64: () => BASE64_SOURCE,
  chai: chaiModuleSource,
  lodash: () => librarySource('lodash'),
  'crypto-js': () => librarySource('crypto-js'),
  moment: () => librarySource('moment'),
  ajv: () => librarySource('ajv'),
  tv4: () => librarySource('tv4'),
  schema: () => SCHEMA_SOURCE,
  xml2Json: xml2JsonSource,
  uuid: () => UUID_SOURCE,
  ...Object.fromEntries(
    (Object.keys(VENDORED_FILES) as VendoredName[]).map((name) => [
      name,
      () => vendoredSource(name),
    ]),
  ),
}

const built = new Map<string, string>()

/** A module's source (chai's and the libraries' read from disk once per worker); undefined for an unknown name. */
export function moduleSource(name: string): string | undefined {
  if (!Object.hasOwn(SOURCES, name)) return undefined
  let source = built.get(name)
  if (source === undefined) built.set(name, (source = SOURCES[name]!()))
  return source
}
