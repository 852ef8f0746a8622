import type { CourierService, EventName, EventPayload, AppInfo } from '../../shared/ipc'
import type { HttpEngine } from './http/engine'
import type { SettingsService } from './settings/settingsService'

export interface CourierServiceDeps {
  engine: HttpEngine
  settings: SettingsService
  /** Native file dialog in the app; null where the shell has none. */
  pickFile: (title: string) => Promise<{ path: string; name: string; size: number } | null>
  appInfo: AppInfo
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
}

/** The Node side of the contract: every call, backed by core services. Shells only wire it. */
export function createCourierService(deps: CourierServiceDeps): CourierService {
  return {
    'http:send': async ({ requestId, spec, variables }) =>
      deps.engine.send({
        requestId,
        spec,
        variables,
        defaults: deps.settings.get().requestDefaults,
        onProgress: (receivedBytes, totalBytes) =>
          deps.emit('http:progress', { requestId, receivedBytes, totalBytes }),
      }),
    'http:cancel': async ({ requestId }) => deps.engine.cancel(requestId),
    'settings:get': async () => deps.settings.get(),
    'settings:update': async (patch) => deps.settings.update(patch),
    'dialog:pickFile': async ({ title }) => deps.pickFile(title),
    'app:info': async () => deps.appInfo,
  }
}
