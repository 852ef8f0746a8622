import { describe, expect, it } from 'vitest'
import { librariesNamed } from '../../../electron/core/scripts/libraryHint'
import { fileRunner, logged, run } from './harness'

const runner = fileRunner()

const SOAP = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <!-- a comment, left out -->
  <soap:Body>
    <m:GetPriceResponse xmlns:m="https://example.com/prices">
      <m:Price currency="EUR">  1.90  </m:Price>
      <m:Item>Apple</m:Item>
      <m:Item>Pear</m:Item>
      <m:Note>Why <em>this</em> price &amp; &#x263A;</m:Note>
      <m:Empty/>
      <m:Flag on="yes"/>
    </m:GetPriceResponse>
  </soap:Body>
</soap:Envelope>`

const xmlResponse = (body: string) => ({
  code: 200,
  status: 'OK',
  headers: [['Content-Type', 'text/xml; charset=utf-8']] as [string, string][],
  body,
  responseTime: 5,
  size: body.length,
})

// SOAP and other XML APIs' Postman tests read responses with xml2Json(responseBody), which
// is xml2js (explicitArray: false, trim: true) in Postman: the same shape here.
describe('xml2Json', () => {
  it('reads a response as xml2js does in Postman: $ attributes, _ text, repeats as arrays, strings', async () => {
    const result = await run(
      runner,
      `const json = xml2Json(responseBody)
console.log(JSON.stringify(json['soap:Envelope']['soap:Body']['m:GetPriceResponse']))
pm.test('price', () => pm.expect(json['soap:Envelope']['soap:Body']['m:GetPriceResponse']['m:Price']._).to.eql('1.90'))`,
      { response: xmlResponse(SOAP) },
    )
    expect(result.error).toBeUndefined()
    expect(JSON.parse(logged(result)[0]!)).toEqual({
      $: { 'xmlns:m': 'https://example.com/prices' },
      'm:Price': { $: { currency: 'EUR' }, _: '1.90' },
      'm:Item': ['Apple', 'Pear'],
      // The element's whole text trimmed, as xml2js's trim does, not each piece.
      'm:Note': { _: 'Why  price & ☺', em: 'this' },
      'm:Empty': '',
      'm:Flag': { $: { on: 'yes' } },
    })
    expect(result.tests).toEqual([{ name: 'price', passed: true }])
  })

  it('gives undefined for text that is not well-formed XML and null for none, as xml2js did', async () => {
    const result = await run(
      runner,
      `console.log(String(xml2Json('<a><b></a>')), String(xml2Json('not xml')), String(xml2Json('  ')))
console.log(JSON.stringify(xml2Json('<n>  42  </n>')), JSON.stringify(xml2Json('<a>x&nbsp;y</a>')))`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['undefined undefined null', '{"n":"42"} {"a":"x\u00a0y"}'])
  })

  it('is compiled ahead for scripts that name it', () => {
    expect(librariesNamed('var jsonObject = xml2Json(responseBody);')).toEqual(['xml2Json'])
  })
})
