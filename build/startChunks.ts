import type { Rolldown } from 'vite'

type Group = NonNullable<
  Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>['groups']
>[number]
type Context = Parameters<Extract<Group['name'], (...args: never[]) => unknown>>[1]

/**
 * Two chunks for what the page runs at start: `boot`, what the entry (main.ts) imports
 * (the connection, a few kB without Vue), and `app`, the rest of what the app module
 * (startApp.ts, which main.ts imports at once) imports statically.
 *
 * Why: left to itself the bundler cuts what the app shares with the parts loaded on first
 * use (stores, Vue, pinia, small helpers) into many small chunks, and the page then waits
 * on twenty requests where two would do (a browser opens six connections per host at a
 * time). The parts loaded on first use import what they need from these chunks, which
 * are always there before them. `boot` comes first so that the entry never waits for
 * `app`: the connection opens while `app` still loads.
 *
 * `entryModule`, `appModule`: absolute paths.
 */
export function startChunkGroups(entryModule: string, appModule: string): Group[] {
  let sets: { boot: Set<string>; app: Set<string> } | null = null
  const of = (ctx: Context) => (sets ??= startModules(ctx, entryModule, appModule))
  return [
    { name: (id: string, ctx: Context) => (of(ctx).boot.has(id) ? 'boot' : null), priority: 2 },
    { name: (id: string, ctx: Context) => (of(ctx).app.has(id) ? 'app' : null), priority: 1 },
  ]
}

function startModules(ctx: Context, entryModule: string, appModule: string) {
  if (!ctx.getModuleInfo(entryModule) || !ctx.getModuleInfo(appModule))
    throw new Error(`startChunkGroups: ${entryModule} or ${appModule} is not in the bundle`)
  const boot = staticallyReached(ctx, entryModule)
  boot.delete(entryModule)
  const app = new Set([...staticallyReached(ctx, appModule)].filter((id) => !boot.has(id)))
  return { boot, app }
}

/** The module and every module it imports statically, directly or not. */
function staticallyReached(ctx: Context, from: string): Set<string> {
  const seen = new Set<string>()
  const queue = [from]
  while (queue.length > 0) {
    const id = queue.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []))
  }
  return seen
}
