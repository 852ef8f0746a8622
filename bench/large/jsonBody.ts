/** The generated JSON bodies served to the app. */

/** Deterministic PRNG (mulberry32), so every run serves the same bodies. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india']
const CITIES = ['Lisbon', 'Oslo', 'Nairobi', 'Osaka', 'Lima', 'Quebec', 'Tbilisi', 'Perth']

/** A JSON array of realistic records (strings, numbers, booleans, nested objects and arrays), about `bytes` long. */
export function generateJson(bytes: number): Buffer {
  const rnd = prng(bytes)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const parts: string[] = []
  let length = 2
  for (let id = 0; length < bytes; id++) {
    const record = {
      id,
      guid:
        Math.floor(rnd() * 2 ** 52)
          .toString(16)
          .padStart(13, '0') +
        '-' +
        id.toString(36),
      name: `${pick(WORDS)} ${pick(WORDS)}`,
      email: `user${id}@example.com`,
      active: rnd() < 0.5,
      balance: Math.round(rnd() * 1_000_000) / 100,
      registered: new Date(1_500_000_000_000 + Math.floor(rnd() * 2e11)).toISOString(),
      tags: Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(WORDS)),
      address: {
        street: `${1 + Math.floor(rnd() * 999)} ${pick(WORDS)} street`,
        city: pick(CITIES),
        geo: [
          Math.round(rnd() * 180_000_000) / 1e6 - 90,
          Math.round(rnd() * 360_000_000) / 1e6 - 180,
        ],
      },
      friends: Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ({
        id: (id * 7 + i) % 100_000,
        name: pick(WORDS),
      })),
      scores: Array.from({ length: 5 }, () => Math.floor(rnd() * 100)),
    }
    const text = JSON.stringify(record)
    parts.push(text)
    length += text.length + 1
  }
  return Buffer.from(`[${parts.join(',')}]`)
}
