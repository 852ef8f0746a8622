import { defineStore } from 'pinia'
import { toRaw } from 'vue'
import type { OAuth2Auth, OAuth2TokenStatus } from '../../../shared/model/oauth2'
import type { RequestError } from '../../../shared/model/requestError'
import { useApi } from '../api/currentApi'

/** Which token: the auth as edited, the variables in scope, the workspace it is kept for. */
export interface OAuth2TokenRef {
  auth: OAuth2Auth
  variables: Record<string, string>
  workspace: string | null
}

const plain = (ref: OAuth2TokenRef) => ({
  auth: { ...toRaw(ref.auth) },
  variables: { ...toRaw(ref.variables) },
  workspace: ref.workspace,
})

/** The Auth tab's OAuth 2.0 token: what is kept, "Get new token" and "Clear token". */
export const useOAuth2Store = defineStore('oauth2', () => {
  const api = () => useApi().oauth2

  function status(ref: OAuth2TokenRef): Promise<OAuth2TokenStatus | null> {
    return api().status(plain(ref))
  }

  /**
   * Runs the grant now; the token's status, or the failure worded for the tester.
   * `signInId` lets `cancel` stop it (the wait for the browser included).
   */
  async function fetchNew(
    ref: OAuth2TokenRef,
    signInId?: string,
  ): Promise<{ ok: true; status: OAuth2TokenStatus } | { ok: false; error: RequestError }> {
    return api().fetch({ ...plain(ref), ...(signInId && { signInId }) })
  }

  /** Stops a running "Get new token"; false when it had already ended. */
  function cancel(signInId: string): Promise<boolean> {
    return api().cancel({ signInId })
  }

  async function clear(ref: OAuth2TokenRef): Promise<void> {
    await api().clear(plain(ref))
  }

  return { status, fetchNew, cancel, clear }
})
