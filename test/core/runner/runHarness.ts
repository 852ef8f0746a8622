import { afterAll, beforeAll } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { HttpEngine } from '../../../electron/core/http/engine'
import { importPostmanCollection } from '../../../electron/core/interop/import/postmanCollection'
import { planFromImport } from '../../../electron/core/runner/planFromImport'
import { runCollection, type RunOptions } from '../../../electron/core/runner/runCollection'
import type { RunPlan } from '../../../electron/core/runner/runPlan'
import type { RunEvent, RunExecution } from '../../../shared/model/run'
import { startHttpbin } from '../../servers'
import { fileRunner } from '../scripts/harness'

export interface Item {
  name: string
  url: string
  test?: string
  prerequest?: string
}

/** A Postman v2.1 collection of GET requests with their scripts, as a file would hold it. */
export function collection(items: (Item | { folder: string; items: Item[]; test?: string })[]) {
  const event = (listen: string, source?: string) =>
    source ? [{ listen, script: { type: 'text/javascript', exec: source.split('\n') } }] : []
  const item = (i: Item) => ({
    name: i.name,
    request: { method: 'GET', url: i.url },
    event: [...event('prerequest', i.prerequest), ...event('test', i.test)],
  })
  return {
    info: {
      name: 'Run test',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items.map((i) =>
      'folder' in i
        ? { name: i.folder, item: i.items.map(item), event: event('test', i.test) }
        : item(i),
    ),
  }
}

export const planOf = (
  c: ReturnType<typeof collection>,
  options?: Parameters<typeof planFromImport>[1],
) => planFromImport(importPostmanCollection(c), options)

export const names = (executions: RunExecution[]) =>
  executions.map((e) => `${e.iteration}:${e.item.name}`)

/**
 * httpbin, an engine and the real sandbox for one test file, and `run`: a plan run to its
 * end, with every event it streamed and its executions.
 */
export function useRunServers() {
  let httpbin: { url: string; close(): Promise<void> }
  const engine = new HttpEngine()
  const scripts = fileRunner()
  beforeAll(async () => {
    httpbin = await startHttpbin()
  })
  afterAll(async () => {
    engine.close()
    await httpbin.close()
  })
  const deps = () => ({ engine, scripts, schemas: new SchemaCheck() })
  return {
    url: () => httpbin.url,
    deps,
    async run(plan: RunPlan, options: RunOptions = {}) {
      const events: RunEvent[] = []
      const summary = await runCollection(deps(), plan, options, (e) => void events.push(e))
      const executions = events
        .filter((e): e is Extract<RunEvent, { type: 'execution' }> => e.type === 'execution')
        .map((e) => e.execution)
      return { summary, events, executions }
    },
  }
}
