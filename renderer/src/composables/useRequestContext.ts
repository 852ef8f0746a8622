import { storeToRefs } from 'pinia'
import { computed, provide } from 'vue'
import {
  applyInheritance,
  scopedVariables,
  variableValues,
  type InheritanceLevel,
} from '../../../shared/logic/inheritance'
import { variableScopes, type VariableScopes } from '../../../shared/logic/checksInheritance'
import type { RequestSpec } from '../../../shared/model/request'
import type { RequestTab } from '../stores/useRequestTabsStore'
import { useWorkspaceStore } from '../stores/useWorkspaceStore'
import { inheritanceChain } from '../stores/workspaceTree'
import { VARIABLES_KEY } from './scopedVariables'

/**
 * What a tab's request inherits and resolves against: the folder chain, the scoped
 * variables (provided to every input below for hover and autocomplete), and the spec
 * and variable map that are really sent.
 */
export function useRequestContext(tab: () => RequestTab) {
  const workspace = useWorkspaceStore()
  const { snapshot, globals, activeEnvironment } = storeToRefs(workspace)

  const chain = computed<InheritanceLevel[]>(() =>
    snapshot.value ? inheritanceChain(snapshot.value, tab().saved?.path ?? null) : [],
  )
  const variables = computed(() =>
    scopedVariables({
      globals: globals.value,
      chain: chain.value,
      environment: activeEnvironment.value,
      request: tab().variables,
    }),
  )
  provide(VARIABLES_KEY, variables)

  /** The request as it will be sent: inherited headers and auth applied. */
  function effective(): { spec: RequestSpec; variables: Record<string, string> } {
    return {
      spec: applyInheritance(tab().spec, chain.value),
      variables: variableValues(variables.value),
    }
  }

  /** The variables by the scope that defines them, for the request's scripts. */
  function scopes(): VariableScopes {
    return variableScopes({
      globals: globals.value,
      chain: chain.value,
      environment: activeEnvironment.value,
      request: tab().variables,
    })
  }

  return { chain, variables, effective, scopes }
}
