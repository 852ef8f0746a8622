import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '../api/currentApi'

/** What the user answered to "Upload this file?". */
export type FileConsentAnswer = 'once' | 'always' | 'cancel'

/** A file a send needs confirmed, while the dialog asks about it. */
export interface PendingFileConsent {
  /** Absolute path of the file, as the Node side named it. */
  file: string
  /** The workspace the request belongs to (null: none), for "Always for this workspace". */
  workspace: string | null
  /** Who uploads it: one request's send, or a run of several ("Upload once": this run). */
  by: 'request' | 'run'
}

/**
 * Asks before a request uploads a local file it did not get from the user's own pick (an
 * import, a workspace file written by hand or by git). "Always" is kept on the Node side,
 * per workspace, on this machine only; "Once" covers one send.
 */
export const useFileConsentStore = defineStore('fileConsent', () => {
  const pending = ref<PendingFileConsent | null>(null)
  let settle: ((answer: FileConsentAnswer) => void) | null = null

  /** Shows the dialog for this file; resolves with the answer (a new question cancels the old). */
  function ask(
    file: string,
    workspace: string | null,
    by: PendingFileConsent['by'] = 'request',
  ): Promise<FileConsentAnswer> {
    settle?.('cancel')
    pending.value = { file, workspace, by }
    return new Promise((resolve) => (settle = resolve))
  }

  /** The user's answer; "always" is kept before the send goes on. */
  async function answer(choice: FileConsentAnswer): Promise<void> {
    const asked = pending.value
    const done = settle
    pending.value = null
    settle = null
    if (asked && choice === 'always') await allow(asked.workspace, asked.file)
    done?.(choice)
  }

  /** Confirms a file for a workspace: a file the user picked in the file dialog, or "Always". */
  async function allow(workspace: string | null, file: string): Promise<void> {
    await useApi().files.allow({ workspace, path: file })
  }

  // Confirmations of paths the user typed, still on their way: a Send clicked right after
  // typing (the field's change event fires as it loses focus) waits for them, so it never
  // asks about the file the user just named.
  const confirming = new Set<Promise<void>>()

  /** Confirms a path the user typed or picked; one that does not exist yet is left to Send. */
  function confirmOwn(workspace: string | null, file: string): Promise<void> {
    if (!file.trim()) return Promise.resolve()
    const done = allow(workspace, file)
      .catch(() => undefined)
      .finally(() => confirming.delete(done))
    confirming.add(done)
    return done
  }

  /**
   * Resolves once every confirmation started so far has been kept; null when none is on
   * its way, so a send that has nothing to wait for starts in the same tick.
   */
  function settled(): Promise<void> | null {
    if (confirming.size === 0) return null
    return Promise.all([...confirming]).then(() => undefined)
  }

  return { pending, ask, answer, allow, confirmOwn, settled }
})
