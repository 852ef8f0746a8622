import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { asCommonJs } from './libraries'

/**
 * Sandbox module `xml2Json`: Postman's global `xml2Json(text)`, which SOAP and other XML
 * APIs' tests read responses with. Postman's is xml2js with `explicitArray: false, trim:
 * true`; this is fast-xml-parser (its own browser build, read as text like the libraries
 * of libraries.ts; Courier already uses it for JUnit reports), set to give the same shape:
 * attributes under `$`, text under `_` beside child elements, a repeated element as an
 * array, an empty one as '', every value a string, comments and the declaration left out,
 * and undefined for text that is not well-formed XML (null for none at all), as xml2js
 * gave. xml2js trims an element's whole text, not each piece between its children, so
 * the parser keeps whitespace and `trimmed` trims after.
 */
const XML2JSON = `var fxp = module.exports;
var parser = new fxp.XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '', attributesGroupName: '$', textNodeName: '_',
  parseTagValue: false, parseAttributeValue: false, trimValues: false,
  ignoreDeclaration: true, ignorePiTags: true, processEntities: true, htmlEntities: true,
});
function trimmed(value) {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (value === null || typeof value !== 'object') return value;
  var out = {};
  Object.keys(value).forEach(function (key) {
    if (key === '$') { out[key] = value[key]; return; }
    var v = trimmed(value[key]);
    if (key !== '_' || v !== '') out[key] = v;
  });
  return out;
}
return function xml2Json(text) {
  text = String(text);
  if (text.trim() === '') return null;
  if (fxp.XMLValidator.validate(text) !== true) return undefined;
  return trimmed(parser.parse(text));
};`

export function xml2JsonSource(): string {
  // The package exports only its entry (lib/fxp.cjs); the browser build sits beside it.
  const entry = createRequire(import.meta.url).resolve('fast-xml-parser')
  const path = join(dirname(entry), 'fxp.min.js')
  return ['(function (K) {', ...asCommonJs(readFileSync(path, 'utf8')), XML2JSON, '})'].join('\n')
}
