import { onBeforeUnmount, ref, watchEffect, type Ref } from 'vue'

/**
 * Applies the theme to <html data-theme>: the chosen one, or the OS's while the choice is
 * `system` (following live changes). Stops listening on unmount.
 */
export function useTheme(choice: Ref<'system' | 'light' | 'dark'>) {
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  const osDark = ref(media.matches)
  const onChange = (event: MediaQueryListEvent) => (osDark.value = event.matches)
  media.addEventListener('change', onChange)
  onBeforeUnmount(() => media.removeEventListener('change', onChange))

  watchEffect(() => {
    const dark = choice.value === 'dark' || (choice.value === 'system' && osDark.value)
    document.documentElement.dataset.theme = dark ? 'dark' : 'light'
  })
}
