/**
 * Runs a saved document through the migration chain up to `target`.
 * `steps[n]` turns a version-n document into version n+1. A document without
 * `schemaVersion` is taken as version 1 (the first format had it from the start).
 */
export function migrate(
  doc: unknown,
  target: number,
  steps: Record<number, (d: Record<string, unknown>) => Record<string, unknown>>,
): unknown {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return doc
  let current = doc as Record<string, unknown>
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : 1
  if (version > target) {
    throw new Error(
      `This file was written by a newer Courier (format ${version}; this version reads up to ${target}). Update Courier to open it.`,
    )
  }
  while (version < target) {
    const step = steps[version]
    if (!step) throw new Error(`No migration from format ${version} to ${version + 1}.`)
    current = { ...step(current), schemaVersion: version + 1 }
    version += 1
  }
  return current
}
