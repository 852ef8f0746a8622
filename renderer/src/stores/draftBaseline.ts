import type { RequestSpec } from '../../../shared/model/request'
import type { VariableRow } from '../../../shared/model/variables'

/** A draft serialised, to tell whether it has unsaved changes. */
export const snapshotOf = (spec: RequestSpec, variables: VariableRow[]) =>
  JSON.stringify({ spec, variables })

/** A draft's body text apart, and the rest serialised (small whatever the body). */
interface Parts {
  bodyText: string | null
  rest: string
}

function partsOf(spec: RequestSpec, variables: VariableRow[]): Parts {
  const { body } = spec
  if (!('text' in body)) return { bodyText: null, rest: snapshotOf(spec, variables) }
  return {
    bodyText: body.text,
    rest: snapshotOf({ ...spec, body: { ...body, text: '' } }, variables),
  }
}

/**
 * Answers "unsaved changes?" without serialising a big body on every edit: the baseline
 * (a snapshot string, as the app state keeps it) is split once into its body text and the
 * rest, and a draft is compared part by part — the body by string equality, which is a
 * pointer check while it is unchanged. Tabs are keyed by id.
 */
export class BaselineCache {
  private readonly parts = new Map<string, Parts & { baseline: string }>()

  /** The baseline of a draft as it is now; remembers its parts without parsing anything. */
  take(id: string, spec: RequestSpec, variables: VariableRow[]): string {
    const baseline = snapshotOf(spec, variables)
    this.parts.set(id, { baseline, ...partsOf(spec, variables) })
    return baseline
  }

  isDirty(id: string, baseline: string, spec: RequestSpec, variables: VariableRow[]): boolean {
    let known = this.parts.get(id)
    if (!known || known.baseline !== baseline) {
      // A baseline restored from the app state: parsed once, then compared in parts.
      known = { baseline, ...parseParts(baseline) }
      this.parts.set(id, known)
    }
    const now = partsOf(spec, variables)
    return now.bodyText !== known.bodyText || now.rest !== known.rest
  }

  forget(id: string): void {
    this.parts.delete(id)
  }
}

function parseParts(baseline: string): Parts {
  try {
    const { spec, variables } = JSON.parse(baseline) as {
      spec: RequestSpec
      variables: VariableRow[]
    }
    return partsOf(spec, variables)
  } catch {
    // '' (never saved, or its file is gone): nothing equals it.
    return { bodyText: null, rest: '' }
  }
}
