import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import type { SchemaFileReader } from '../core/assertions/schemaCheck'

/**
 * Reads the `file:` schemas of assertions from `dir` (a saved request's workspace, or a
 * run's working directory), and nothing outside it.
 */
export function schemaReader(dir: string): SchemaFileReader {
  return async (path: string) => {
    const full = resolve(dir, path)
    const inside = relative(dir, full)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`${path} is outside the workspace folder; keep schemas inside it`)
    }
    return readFile(full, 'utf8')
  }
}
