import { onBeforeUnmount, ref } from 'vue'

const FLASH_MS = 1500

/** Copies text to the clipboard; true when it worked (a denied clipboard is not an error). */
export async function copyText(text: string): Promise<boolean> {
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  )
}

/** Copy with a short-lived `copied` flag for a "Copied" status; the timer stops on unmount. */
export function useCopyFlash() {
  const copied = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  onBeforeUnmount(() => clearTimeout(timer))

  async function copy(text: string) {
    if (!(await copyText(text))) return
    copied.value = true
    clearTimeout(timer)
    timer = setTimeout(() => (copied.value = false), FLASH_MS)
  }

  return { copied, copy }
}
