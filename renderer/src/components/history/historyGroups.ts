/** "Today", "Yesterday" or the date, for a day heading. */
export function dayLabel(at: number, now = Date.now()): string {
  const day = new Date(at).toDateString()
  if (day === new Date(now).toDateString()) return 'Today'
  if (day === new Date(now - 86_400_000).toDateString()) return 'Yesterday'
  return new Date(at).toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  })
}

/**
 * Items (newest first), each with the heading of its day when it is the first of that
 * day, else null.
 */
export function withDays<T extends { at: number }>(
  items: readonly T[],
  now = Date.now(),
): { item: T; day: string | null }[] {
  let current = ''
  return items.map((item) => {
    const label = dayLabel(item.at, now)
    const day = label === current ? null : label
    current = label
    return { item, day }
  })
}
