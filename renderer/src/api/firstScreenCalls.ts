import type { CallName } from '../../../shared/ipc/names'

/**
 * The calls the first screen is drawn from (requestFirstScreen in firstScreen.ts), all
 * without arguments. index.html's early script (earlyBridge.ts) starts the bridge with
 * them, before the app's code has loaded; the bridge then answers requestFirstScreen's
 * same calls with their answers instead of sending them again (webBridge.ts).
 */
export const FIRST_SCREEN_CALLS: readonly CallName[] = [
  'settings:get',
  'app:info',
  'state:get',
  'workspace:snapshot',
  'globals:get',
  'workspace:recent',
]
