import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ExportFormat } from '../../shared/model/interopFormats'
import { exportHar } from '../core/interop/export/harExport'
import { exportPostman } from '../core/interop/export/postmanExport'
import { cliWorkspaceService } from './cliWorkspace'
import type { CliIo } from './cliIo'

export interface ExportFlags {
  workspace: string
  folder: string
  format: ExportFormat
  output?: string
}

/** What `courier export` does, loaded when it runs (see exportCommand.ts). */
export async function runExport(flags: ExportFlags, io: CliIo): Promise<void> {
  const workspace = cliWorkspaceService()
  try {
    await workspace.open(resolve(flags.workspace))
    const text =
      flags.format === 'har'
        ? await exportHar(workspace, flags.folder)
        : await exportPostman(workspace, flags.folder)
    if (flags.output === undefined) io.stdout(text)
    else {
      await writeFile(flags.output, text)
      io.stderr(`Wrote ${flags.output}\n`)
    }
  } finally {
    await workspace.close()
  }
}
