import { isAbsolute, relative, resolve } from 'node:path'
import type { RequestBody } from '../../shared/model/request'
import type { RunPlan } from '../core/runner/runPlan'
import { UsageError } from './cliIo'

/** A body with its file paths passed through `map`. */
function mapFiles(body: RequestBody, map: (path: string) => string): RequestBody {
  if (body.type === 'binary') return { ...body, path: map(body.path) }
  if (body.type === 'multipart') {
    return {
      ...body,
      parts: body.parts.map((p) => (p.kind === 'file' ? { ...p, path: map(p.path) } : p)),
    }
  }
  return body
}

/**
 * The files a collection's requests send (binary bodies, multipart file fields) read from
 * the working directory, as newman's --working-dir does: relative paths resolve there. A
 * file outside it is refused before the run, as newman's --no-insecure-file-read does: a
 * collection from elsewhere must not be able to upload any file of the machine. A file
 * the user named with --allow-file (`named`) is read wherever it is.
 *
 * @throws UsageError naming the request, the file and what to do.
 */
export function resolveRunFiles(
  plan: RunPlan,
  workingDir: string,
  named: (absolute: string) => boolean = () => false,
): void {
  for (const item of plan.items) {
    const body = item.spec.body
    if (body.type !== 'binary' && body.type !== 'multipart') continue
    item.spec = {
      ...item.spec,
      body: mapFiles(body, (path) => {
        if (path.trim() === '') return path
        const full = resolve(workingDir, path)
        const inside = relative(workingDir, full)
        const outside = inside === '' || inside.startsWith('..') || isAbsolute(inside)
        if (outside && !named(full)) {
          throw new UsageError(
            `"${item.path}" sends the file "${path}", which is outside the working directory (${workingDir}). courier run reads only files inside it: copy the file there, or run with --working-dir set to a folder that holds it.`,
          )
        }
        return full
      }),
    }
  }
}
