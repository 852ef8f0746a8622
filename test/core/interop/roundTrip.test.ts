import { afterAll, beforeAll, expect, it } from 'vitest'
import { prepareRequest } from '../../../electron/core/interop/code/preparedRequest'
import {
  readExportSource,
  type ExportFolder,
} from '../../../electron/core/interop/export/exportTree'
import { exportPostman } from '../../../electron/core/interop/export/postmanExport'
import { importText } from '../../../electron/core/interop/import/importText'
import { writeImport } from '../../../electron/core/interop/import/writeImport'
import type { WorkspaceService } from '../../../electron/core/workspace/workspaceService'
import { applyInheritance, type InheritanceLevel } from '../../../shared/logic/inheritance'
import type { SavedRequest, TreeNode } from '../../../shared/model/workspace'
import { createExportWorkspace, newService } from './export/exportWorkspace'

let source: WorkspaceService
let target: WorkspaceService

beforeAll(async () => {
  const created = await createExportWorkspace()
  source = created.service
  target = newService()
  await target.create(`${created.dir}/imported`, 'Imported')
})
afterAll(async () => {
  await source?.close()
  await target?.close()
})

/** A request as Courier sends it (inheritance applied, variables left as written). */
function asSent(request: SavedRequest, chain: InheritanceLevel[]) {
  const sent = prepareRequest(applyInheritance(request, chain), {})
  return {
    name: request.name,
    method: sent.method,
    url: sent.url,
    headers: sent.headers.map((h) => [h.name.toLowerCase(), h.value]),
    body: sent.body,
    auth: sent.auth,
  }
}

function fromExport(
  folder: ExportFolder,
  chain: InheritanceLevel[],
  out: ReturnType<typeof asSent>[],
) {
  const inner = [
    ...chain,
    { name: folder.name, kind: 'folder' as const, defaults: folder.defaults },
  ]
  for (const r of folder.requests) out.push(asSent(r.request, inner))
  for (const f of folder.folders) fromExport(f, inner, out)
  return out
}

async function fromWorkspace(
  nodes: TreeNode[],
  chain: InheritanceLevel[],
  out: ReturnType<typeof asSent>[],
) {
  for (const node of nodes) {
    if (node.kind === 'request') out.push(asSent(await target.readRequest(node.path), chain))
    else
      await fromWorkspace(
        node.children,
        [...chain, { name: node.name, kind: 'folder', defaults: node.defaults }],
        out,
      )
  }
  return out
}

it('a Postman collection exported and re-imported sends the same requests', async () => {
  const text = await exportPostman(source, 'API')
  const result = await importText(text, {
    fileName: 'API.postman_collection.json',
    format: 'postman-collection',
  })
  await writeImport(target, result, '', { holdBackCredentials: false })
  const snapshot = await target.snapshot()
  const original = await readExportSource(source, 'API')
  const before = fromExport(original.root, original.ancestors, [])
  const after = await fromWorkspace(
    snapshot.tree,
    [{ name: 'workspace', kind: 'workspace', defaults: snapshot.manifest.defaults }],
    [],
  )
  const byName = (list: ReturnType<typeof asSent>[]) =>
    Object.fromEntries(list.map((r) => [r.name, r]))
  expect(after).toHaveLength(6)
  expect(byName(after)).toEqual(byName(before))
})
