/**
 * The ARIA tabs pattern's keys: the index of the tab a key moves to (arrows wrap, Home
 * and End jump), or -1 for any other key. Shared by every tab strip.
 */
export function tabIndexForKey(key: string, index: number, count: number): number {
  const last = count - 1
  switch (key) {
    case 'ArrowRight':
      return index === last ? 0 : index + 1
    case 'ArrowLeft':
      return index <= 0 ? last : index - 1
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return -1
  }
}
