import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCourier, tempDir } from './runCourier'

/** A request of a test collection: a GET unless told, with an optional test script. */
export interface Item {
  name: string
  url: string
  test?: string
  method?: string
}

/** What the tests read of a json report (newman's shape). */
export interface JsonReport {
  run: {
    stats: Record<
      'iterations' | 'requests' | 'testScripts' | 'prerequestScripts' | 'assertions',
      { total: number; failed: number }
    >
    executions: {
      item: { name: string }
      request: { url: string }
      response: { code: number } | null
      assertions: { assertion: string; error?: { message: string } }[]
    }[]
    failures: { error: { name: string; message: string }; source: { name: string } }[]
  }
}

/** A test that the response has this status. */
export const status = (code: number) =>
  `pm.test('status ${code}', () => pm.response.to.have.status(${code}))`

/**
 * Files and runs for the `courier run` tests, in a temp folder of their own: collections,
 * data files, and runs of the built command with their json report.
 */
export function runFixtures(prefix: string) {
  const dir = tempDir(prefix)
  let files = 0

  /** A Postman v2.1 collection file of these requests (and folders of requests). */
  function collection(entries: (Item | { folder: string; items: Item[] })[], name = 'Run') {
    const item = (i: Item) => ({
      name: i.name,
      request: { method: i.method ?? 'GET', url: i.url },
      event: i.test ? [{ listen: 'test', script: { exec: i.test.split('\n') } }] : [],
    })
    const path = join(dir, `collection-${++files}.json`)
    writeFileSync(
      path,
      JSON.stringify({
        info: {
          name,
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: entries.map((e) =>
          'folder' in e ? { name: e.folder, item: e.items.map(item) } : item(e),
        ),
      }),
    )
    return path
  }

  function file(name: string, text: string): string {
    const path = join(dir, `${++files}-${name}`)
    writeFileSync(path, text)
    return path
  }

  /** A path for an output file, fresh each time. */
  const output = (name: string) => join(dir, `${++files}-${name}`)

  /** The built `courier run ARGS` on the fixtures' own data directory. */
  const courier = (args: string[]) => runCourier(['run', ...args], { dataDir: join(dir, 'data') })

  /** `courier run ARGS -r json` and the report it wrote (null when none was). */
  async function runWithReport(args: string[]) {
    const report = output('report.json')
    const run = await courier([...args, '-r', 'json', '--reporter-json-export', report])
    const json = existsSync(report)
      ? (JSON.parse(readFileSync(report, 'utf8')) as JsonReport)
      : null
    return { ...run, report: json }
  }

  return { dir, collection, file, output, courier, runWithReport }
}

/** The URLs a run sent, without the server's origin. */
export const urlsOf = (report: JsonReport | null, origin: string) =>
  report!.run.executions.map((e) => e.request.url.replace(origin, ''))
