import {
  applyInheritance,
  scopedVariables,
  type InheritanceLevel,
} from '../../../../shared/logic/inheritance'
import type { VariableRow } from '../../../../shared/model/variables'
import { toHarRequest } from '../code/harRequest'
import { prepareRequest } from '../code/preparedRequest'
import type { WorkspaceApi } from '../../workspace/workspaceApi'
import { readExportSource, type ExportFolder } from './exportTree'

/** Not sent: HAR requires a response, so each entry has an empty one (status 0). */
const NO_RESPONSE = {
  status: 0,
  statusText: '',
  httpVersion: 'HTTP/1.1',
  cookies: [],
  headers: [],
  content: { size: 0, mimeType: 'x-unknown' },
  redirectURL: '',
  headersSize: -1,
  bodySize: -1,
  comment: 'Exported from Courier: not sent',
}

/** Values of non-secret variables only: a `{{secret}}` stays a placeholder. */
function publicValues(rows: readonly VariableRow[]): VariableRow[] {
  return rows.filter((r) => !r.secret)
}

function entries(folder: ExportFolder, chain: InheritanceLevel[], at: string): unknown[] {
  const inner: InheritanceLevel[] = [
    ...chain,
    { name: folder.name, kind: 'folder', defaults: folder.defaults },
  ]
  const own = folder.requests.map(({ path, request }) => {
    const scoped = scopedVariables({
      globals: [],
      chain: inner.map((l) => ({
        ...l,
        defaults: { ...l.defaults, variables: publicValues(l.defaults.variables) },
      })),
      environment: null,
      request: publicValues(request.variables),
    })
    const values = Object.fromEntries([...scoped].map(([name, v]) => [name, v.value]))
    const spec = applyInheritance(request, inner)
    return {
      startedDateTime: at,
      time: 0,
      request: { ...toHarRequest(prepareRequest(spec, values)), comment: path },
      response: NO_RESPONSE,
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    }
  })
  return [...own, ...folder.folders.flatMap((f) => entries(f, inner, at))]
}

/**
 * A folder ('' = the whole workspace) as a HAR 1.2 log: one entry per request as Courier
 * would send it (inherited headers and auth applied, non-secret variables resolved), no
 * response. Secret values and literal credentials are left out.
 *
 * @throws WorkspaceError when no folder has that path.
 */
export async function exportHar(workspace: WorkspaceApi, folder: string): Promise<string> {
  const source = await readExportSource(workspace, folder)
  const log = {
    log: {
      version: '1.2',
      creator: { name: 'Courier', version: '0.1' },
      comment: `Requests of "${source.name}", not sent`,
      entries: entries(source.root, source.ancestors, new Date().toISOString()),
    },
  }
  return JSON.stringify(log, null, 2) + '\n'
}
