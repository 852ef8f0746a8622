import type { Shard } from './searchShards'

/**
 * In a table without 1-2 character prefix indexes (before schema 7), prefix matching on
 * one or two characters would merge the lists of most of the index's words.
 */
const MIN_PREFIX_CHARS_UNINDEXED = 3
const MAX_TERMS = 16

/** What the user typed as FTS5 queries, one for each kind of table of the index. */
export interface MatchQuery {
  /** For shards indexing 1-2 character prefixes: every word matches as a prefix. */
  withShortPrefixes: string
  /** For older tables: words of 1-2 characters match whole words only. */
  withoutShortPrefixes: string
}

/** The query to run against this table of the index. */
export function matchFor(query: MatchQuery, shard: Shard): string {
  return shard.shortPrefixes ? query.withShortPrefixes : query.withoutShortPrefixes
}

/**
 * Turns what the user typed into a safe FTS5 query: each word becomes a quoted phrase
 * (quotes doubled, so no input is ever read as FTS syntax: `AND`, `*`, `"`, `NEAR(` are
 * just words), the words are ANDed, and match as prefixes for search as you type (words
 * of 1-2 characters only where the table indexes such prefixes). Null when the text has
 * nothing searchable (empty, punctuation only).
 */
export function toMatchQuery(text: string): MatchQuery | null {
  const words = text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_TERMS)
  if (words.length === 0) return null
  const query = (minPrefixChars: number) =>
    words
      .map((word) => {
        const quoted = `"${word.replace(/"/g, '""')}"`
        return [...word].length >= minPrefixChars ? `${quoted}*` : quoted
      })
      .join(' ')
  return {
    withShortPrefixes: query(1),
    withoutShortPrefixes: query(MIN_PREFIX_CHARS_UNINDEXED),
  }
}
