import type { CourierApi } from '../../../shared/ipc'

let current: CourierApi | null = null

/** Installs the connected api once at start-up (and a fake one in component tests). */
export function provideApi(api: CourierApi): void {
  current = api
}

/** The api the stores talk to. Stores call this; components never do. */
export function useApi(): CourierApi {
  if (!current) throw new Error('The Courier api is not connected yet.')
  return current
}
