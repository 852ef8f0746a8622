import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The same requests for every tool: GET base/items/i?user={{user}}, each with one status test. */
export interface Workload {
  /** A Postman v2.1 collection file (newman and courier run). */
  collection: string
  /** A Bruno collection folder (bruno.json and one .bru file per request). */
  bruFolder: string
  /** The iteration data (one column, `user`). */
  csv: string
  /** What the floor's client sends the same requests with (bench/runner/rawClient.mjs). */
  baseUrl: string
  requests: number
  iterations: number
}

const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const pad = (i: number) => String(i).padStart(4, '0')

function postmanCollection(baseUrl: string, requests: number) {
  return {
    info: { name: `Bench ${requests}`, schema: POSTMAN_SCHEMA },
    item: Array.from({ length: requests }, (_, n) => ({
      name: `Item ${pad(n + 1)}`,
      request: { method: 'GET', url: `${baseUrl}/items/${n + 1}?user={{user}}` },
      event: [
        {
          listen: 'test',
          script: {
            type: 'text/javascript',
            exec: ["pm.test('status 200', () => pm.response.to.have.status(200))"],
          },
        },
      ],
    })),
  }
}

/** One request in Bruno's .bru format, with the same test in Bruno's chai API. */
function bruRequest(baseUrl: string, n: number): string {
  return `meta {
  name: Item ${pad(n)}
  type: http
  seq: ${n}
}

get {
  url: ${baseUrl}/items/${n}?user={{user}}
  body: none
  auth: none
}

tests {
  test("status 200", function() {
    expect(res.getStatus()).to.equal(200);
  });
}
`
}

/**
 * Writes the workload of `requests` requests into `dir` for the three tools, plus a data
 * file of `rows` rows (one iteration each).
 */
export function writeWorkload(
  dir: string,
  baseUrl: string,
  requests: number,
  rows: number,
): Workload {
  mkdirSync(dir, { recursive: true })
  const collection = join(dir, 'collection.json')
  writeFileSync(collection, JSON.stringify(postmanCollection(baseUrl, requests)))
  const csv = join(dir, 'users.csv')
  writeFileSync(
    csv,
    ['user', ...Array.from({ length: rows }, (_, i) => `user${i + 1}`)].join('\n') + '\n',
  )
  const bruFolder = join(dir, 'bru')
  mkdirSync(bruFolder, { recursive: true })
  writeFileSync(
    join(bruFolder, 'bruno.json'),
    JSON.stringify({ version: '1', name: `bench-${requests}`, type: 'collection', ignore: [] }),
  )
  for (let n = 1; n <= requests; n++) {
    writeFileSync(join(bruFolder, `item-${pad(n)}.bru`), bruRequest(baseUrl, n))
  }
  return { collection, bruFolder, csv, baseUrl, requests, iterations: rows }
}
