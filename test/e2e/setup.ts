import { afterAll, beforeAll } from 'vitest'
import { startWorkbench, type Workbench } from './harness'
import { WorkbenchPage } from './workbenchPage'

interface Closable {
  close(): Promise<void>
}

/** One server, or several by name (`{ hanging, html }`). */
type Servers = Closable | Record<string, Closable>

/** What a suite drives: the running workbench, its page object and the servers it talks to. */
export interface WorkbenchContext<S extends Servers> {
  readonly bench: Workbench
  readonly ui: WorkbenchPage
  readonly server: S
}

function closeServers(servers: Servers): Promise<unknown> {
  return 'close' in servers && typeof servers.close === 'function'
    ? (servers as Closable).close()
    : Promise.all(Object.values(servers as Record<string, Closable>).map((s) => s.close()))
}

/**
 * Registers the suite's beforeAll/afterAll: starts the servers and a workbench side by side,
 * wraps its page in a {@link WorkbenchPage}, and closes the workbench, then the servers.
 * The returned context is usable from the tests (after beforeAll) on.
 */
export function useWorkbench<S extends Servers>(
  startServers: () => Promise<S>,
): WorkbenchContext<S> {
  let started: WorkbenchContext<S> | undefined
  const get = (): WorkbenchContext<S> => {
    if (!started)
      throw new Error('useWorkbench: the workbench is not running (did beforeAll fail?)')
    return started
  }
  beforeAll(async () => {
    const [server, bench] = await Promise.allSettled([startServers(), startWorkbench()])
    if (server.status === 'rejected' || bench.status === 'rejected') {
      // Whatever did start is closed: a server left running outlives the test run.
      if (server.status === 'fulfilled') await closeServers(server.value)
      if (bench.status === 'fulfilled') await bench.value.close()
      throw server.status === 'rejected' ? server.reason : (bench as PromiseRejectedResult).reason
    }
    started = { server: server.value, bench: bench.value, ui: new WorkbenchPage(bench.value.page) }
  })
  afterAll(async () => {
    if (!started) return
    await started.bench.close()
    await closeServers(started.server)
  })
  return {
    get bench() {
      return get().bench
    },
    get ui() {
      return get().ui
    },
    get server() {
      return get().server
    },
  }
}
