import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import type { SchemaFileReader } from '../assertions/schemaCheck'
import type { WorkspaceApi } from '../workspace/workspaceApi'

/** A schema file bigger than this is refused: a JSON Schema is a few kilobytes. */
const MAX_SCHEMA_BYTES = 5 * 1024 * 1024

/**
 * Reads `file:` schemas of assertions from the open workspace, and only from there: a
 * shared workspace must not make Courier read `../../.ssh/...` into a failure message.
 */
export function workspaceSchemaReader(workspace: WorkspaceApi): SchemaFileReader {
  return async (path) => {
    const { dir } = await workspace.snapshot()
    const full = resolve(dir, path)
    const inside = relative(dir, full)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`${path} is outside the workspace folder; keep schemas inside it`)
    }
    const { size } = await stat(full)
    if (size > MAX_SCHEMA_BYTES) throw new Error(`${path} is ${size} bytes, too big for a schema`)
    return readFile(full, 'utf8')
  }
}
