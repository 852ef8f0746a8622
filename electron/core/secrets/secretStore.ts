/**
 * Where secret variable values live: never in workspace files, exports or history.
 * Keys are opaque strings built by `secretKey`.
 */
export interface SecretStore {
  get(key: string): string | undefined
  set(key: string, value: string): void
  delete(key: string): void
  /** Null when values are kept encrypted by the OS; otherwise what the user must be told. */
  readonly warning: string | null
}

/** The key of one secret: which workspace, which scope (e.g. `env:staging`, `folder:Users`), which name. */
export function secretKey(workspaceDir: string, scope: string, name: string): string {
  return JSON.stringify([workspaceDir, scope, name])
}
