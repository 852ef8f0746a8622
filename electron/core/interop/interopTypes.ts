import type { Environment, InheritedDefaults, SavedRequest } from '../../../shared/model/workspace'

/** A folder of an import, before it is written into the workspace. */
export interface ImportedFolder {
  name: string
  /** Headers, auth and variables the source gave this folder (or the collection). */
  defaults?: InheritedDefaults
  requests: SavedRequest[]
  folders: ImportedFolder[]
  /**
   * The source's order of requests and folders mixed (indexes into each list), where it
   * has one: a run follows it. Absent: requests first, then folders.
   */
  order?: { kind: 'request' | 'folder'; index: number }[]
  /**
   * The source's own id of each request, by index into `requests`, where it gives one (a
   * Postman item's `id`): what a run's scripts see as pm.info.requestId, as in newman.
   */
  sourceIds?: (string | undefined)[]
}

/** What a source file holds, in Courier's terms, plus what could not be carried over. */
export interface ImportResult {
  /** e.g. `postman-collection v2.1`, `openapi 3.1`, `curl`. */
  format: string
  /** The collection itself, named after it; its defaults are the collection's. */
  root: ImportedFolder
  environments: Environment[]
  /** One line per item not carried over or changed on the way, naming the item. */
  notes: string[]
}

/** An import refused as a whole (unreadable, too big, too deep, hostile): nothing is written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}
