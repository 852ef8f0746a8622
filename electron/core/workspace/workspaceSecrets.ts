import { readFile } from 'node:fs/promises'
import type { RequestAuth } from '../../../shared/model/request'
import type { VariableRow } from '../../../shared/model/variables'
import { secretKey, type SecretStore } from '../secrets/secretStore'
import { AUTH_SLOTS, authSecretRows, fillAuthSecret } from './authSecrets'
import { parseFolder, parseRequest } from './workspaceFormat'
import { listCourierFiles } from './workspaceTree'

/** The secret-store scope of each place a variable row can live. */
export const scopeOf = {
  /** A folder's defaults; '' is the workspace's own defaults (in `courier.json`). */
  folder: (folder: string) => (folder === '' ? 'workspace' : `folder:${folder}`),
  request: (path: string) => `request:${path}`,
  env: (name: string) => `env:${name}`,
  globals: 'globals',
}

/**
 * Keeps the values of secret rows of one workspace (or of the globals, dir '') in the
 * secret store, keyed by scope and name, and puts them back when files are read.
 */
export class SecretVault {
  constructor(
    private readonly secrets: SecretStore,
    private readonly dir: string,
  ) {}

  private key(scope: string, name: string): string {
    return secretKey(this.dir, scope, name)
  }

  /** The rows with their secret values from the store (a value typed into the file is kept when the store has none). */
  fill(scope: string, variables: readonly VariableRow[]): VariableRow[] {
    return variables.map((v) =>
      v.secret ? { ...v, value: this.secrets.get(this.key(scope, v.name)) ?? v.value } : v,
    )
  }

  /** Stores the secret rows' values; forgets those of `previous` rows that are no longer secret. */
  keep(scope: string, variables: readonly VariableRow[], previous: readonly VariableRow[] = []) {
    const kept = new Set<string>()
    for (const v of variables) {
      if (!v.secret) continue
      this.secrets.set(this.key(scope, v.name), v.value)
      kept.add(v.name)
    }
    for (const v of previous) if (v.secret && !kept.has(v.name)) this.forget(scope, [v])
  }

  /** An auth read from a file, its credential filled from the vault (see authSecrets.ts). */
  fillAuth(scope: string, auth: RequestAuth): RequestAuth {
    return fillAuthSecret(auth, (slot) => this.secrets.get(this.key(scope, slot)))
  }

  /** Keeps the secret variables and the literal auth credential of one scope. */
  keepWithAuth(
    scope: string,
    variables: readonly VariableRow[],
    auth: RequestAuth,
    previous: readonly VariableRow[] | null,
  ) {
    this.keep(scope, [...variables, ...authSecretRows(auth)], [...(previous ?? []), ...AUTH_SLOTS])
  }

  forget(scope: string, variables: readonly VariableRow[]): void {
    for (const v of variables) if (v.secret) this.secrets.delete(this.key(scope, v.name))
  }

  /** Moves (or copies) the secret values of `variables` from one scope to another. */
  relocate(from: string, to: string, variables: readonly VariableRow[], copy = false): void {
    if (from === to) return
    for (const v of variables) {
      if (!v.secret) continue
      const value = this.secrets.get(this.key(from, v.name))
      if (value === undefined) continue
      this.secrets.set(this.key(to, v.name), value)
      if (!copy) this.secrets.delete(this.key(from, v.name))
    }
  }

  /**
   * After a request or folder moved from `fromRel` to `toRel` (renamed, moved, copied,
   * restored), carries the secrets of every folder and request at or under it along.
   */
  async relocateFiles(root: string, fromRel: string, toRel: string, copy = false): Promise<void> {
    if (fromRel === toRel) return
    for (const file of await listCourierFiles(root, toRel)) {
      const oldRel = fromRel + file.rel.slice(toRel.length)
      const text = await readFile(file.abs, 'utf8').catch(() => null)
      if (text === null) continue
      if (file.kind === 'folder') {
        const parsed = parseFolder(text, file.rel)
        if (parsed.ok)
          this.relocate(
            scopeOf.folder(oldRel),
            scopeOf.folder(file.rel),
            [...parsed.value.defaults.variables, ...AUTH_SLOTS],
            copy,
          )
      } else {
        const parsed = parseRequest(text, file.rel)
        if (parsed.ok)
          this.relocate(
            scopeOf.request(oldRel),
            scopeOf.request(file.rel),
            [...parsed.value.variables, ...AUTH_SLOTS],
            copy,
          )
      }
    }
  }
}
