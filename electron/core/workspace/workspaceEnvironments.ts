import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  EnvironmentSchema,
  type Environment,
  type WorkspaceProblem,
} from '../../../shared/model/workspace'
import { WorkspaceError } from './workspaceApi'
import { createFileAtomic, exists, moveEntry, sameEntry, writeFileAtomic } from './atomicFiles'
import { assertNoLinkOut } from './linkGuard'
import { environmentText, parseEnvironment } from './workspaceFormat'
import { ENV_DIR, ENV_EXT, numbered, safeName } from './workspaceNames'
import { scopeOf, type SecretVault } from './workspaceSecrets'
import type { WorkspaceTrash } from './workspaceTrash'

interface StoredEnvironment {
  environment: Environment
  /** Workspace path of its file, e.g. `environments/Staging.env.json`. */
  rel: string
  abs: string
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * The environments of one workspace: `environments/<Name>.env.json`, one per file, the
 * `name` field being the truth (the file name follows it on rename). Secret values are
 * kept in the secret store under `env:<name>`.
 */
export class WorkspaceEnvironments {
  private readonly dir: string

  constructor(
    private readonly root: string,
    private readonly vault: SecretVault,
    private readonly trash: WorkspaceTrash,
  ) {
    this.dir = join(root, ENV_DIR)
  }

  /** Every write stays inside the workspace: symbolic links out of it are refused. */
  private get scope() {
    return { root: this.root }
  }

  /** The environments as in their files; a problem for each file that cannot be used. */
  private async stored(): Promise<{ found: StoredEnvironment[]; problems: WorkspaceProblem[] }> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const files = names.filter((n) => n.endsWith(ENV_EXT) && !n.startsWith('.')).sort()
    const found: StoredEnvironment[] = []
    const problems: WorkspaceProblem[] = []
    for (const file of files) {
      const rel = `${ENV_DIR}/${file}`
      const abs = join(this.dir, file)
      const text = await readFile(abs, 'utf8').catch(() => null)
      if (text === null) continue
      const parsed = parseEnvironment(text, rel)
      if (!parsed.ok) {
        problems.push(parsed.problem)
        continue
      }
      const twin = found.find((f) => f.environment.name === parsed.value.name)
      if (twin) {
        problems.push({
          path: rel,
          message: `${rel}: has the same name as ${twin.rel} ("${twin.environment.name}"), so it is not shown. Rename one of them.`,
        })
        continue
      }
      found.push({ environment: parsed.value, rel, abs })
    }
    found.sort((a, b) => collator.compare(a.environment.name, b.environment.name))
    return { found, problems }
  }

  private fill(environment: Environment): Environment {
    const variables = this.vault.fill(scopeOf.env(environment.name), environment.variables)
    return { ...environment, variables }
  }

  /** Every environment with its secret values filled in, sorted by name. */
  async list(): Promise<{ environments: Environment[]; problems: WorkspaceProblem[] }> {
    const { found, problems } = await this.stored()
    return { environments: found.map((f) => this.fill(f.environment)), problems }
  }

  async names(): Promise<string[]> {
    return (await this.stored()).found.map((f) => f.environment.name)
  }

  private async find(name: string): Promise<StoredEnvironment> {
    const match = (await this.stored()).found.find((f) => f.environment.name === name)
    if (!match) throw new WorkspaceError(`There is no environment named "${name}" any more.`)
    return match
  }

  /** Creates (previousName null), updates or renames an environment. */
  async save(previousName: string | null, input: Environment): Promise<Environment> {
    const parsed = EnvironmentSchema.safeParse(input)
    if (!parsed.success)
      throw new WorkspaceError(
        `The environment "${input?.name ?? ''}" could not be saved: ${parsed.error.issues[0]?.message}.`,
      )
    const environment = parsed.data
    const { name } = environment
    const text = environmentText(environment)
    const taken = (await this.names()).includes(name)
    if (taken && name !== previousName)
      throw new WorkspaceError(
        `An environment named "${name}" already exists; choose another name.`,
      )
    if (previousName === null) {
      await assertNoLinkOut(this.root, this.dir)
      await mkdir(this.dir, { recursive: true })
      for (const stem of numbered(safeName(name)))
        if (await createFileAtomic(join(this.dir, stem + ENV_EXT), text, this.scope)) break
      this.vault.keep(scopeOf.env(name), environment.variables)
      return environment
    }
    const previous = await this.find(previousName)
    let target = previous.abs
    if (name !== previousName) {
      for (const stem of numbered(safeName(name))) {
        target = join(this.dir, stem + ENV_EXT)
        if (!(await exists(target)) || (await sameEntry(target, previous.abs))) break
      }
    }
    this.vault.forget(scopeOf.env(previousName), previous.environment.variables)
    this.vault.keep(scopeOf.env(name), environment.variables)
    await writeFileAtomic(previous.abs, text, this.scope)
    if (target !== previous.abs) await moveEntry(previous.abs, target, this.scope)
    return environment
  }

  /** Moves the environment's file to the trash and forgets its secret values. */
  async delete(name: string): Promise<void> {
    const { environment, rel, abs } = await this.find(name)
    await this.trash.put(this.root, rel, abs)
    this.vault.forget(scopeOf.env(name), environment.variables)
  }
}
