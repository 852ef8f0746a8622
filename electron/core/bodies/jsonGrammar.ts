/** The bytes, states and error words of the streaming JSON pretty-printer (prettyJson.ts). */
export const CHUNK = 4 * 1024 * 1024
export const OUT = 1024 * 1024
export const EMPTY = Buffer.alloc(0)
export const BOM = Buffer.from([0xef, 0xbb, 0xbf])
// A token runs past the chunk (it is read again, joined to the next one), or the JSON is invalid.
export const [NEED, FAIL] = [-1, -2]
// The words of shared/logic/json.ts, so that a big body's note reads like a small one's.
export const R = {
  char: 'unexpected character',
  value: 'expected a value',
  key: 'expected a property name in double quotes',
  colon: 'expected a colon',
  comma: 'expected a comma',
  brace: 'expected a closing }',
  bracket: 'expected a closing ]',
  end: 'unexpected text after the end of the JSON',
  comment: 'comments are not allowed in JSON',
  string: 'unterminated string',
  number: 'unterminated number',
  unicode: 'invalid \\u escape',
  escape: 'invalid escape character',
  control: 'invalid character in string (control characters must be escaped)',
  empty: 'the body is empty',
}
// What comes next: the top value, nothing, or per container the first / next / after-comma item.
export const [E_TOP, E_END, E_ARR_FIRST, E_ARR_NEXT, E_ARR_VALUE] = [0, 1, 2, 3, 4]
export const [E_OBJ_FIRST, E_OBJ_NEXT, E_OBJ_KEY, E_COLON, E_MEMBER] = [5, 6, 7, 8, 9]
// Where a number is: after '-', a leading 0, int digits, '.', fraction digits, 'e', its sign,
// exponent digits. The even states may end a number.
export const [N_MINUS, N_ZERO, N_INT, N_DOT, N_FRAC, N_E, N_SIGN, N_EXP] = [1, 2, 4, 3, 6, 5, 7, 8]
export const LITERALS: Record<number, Buffer> = Object.fromEntries(
  ['true', 'false', 'null'].map((word) => [word.charCodeAt(0), Buffer.from(word)]),
)

export function byteSet(chars: string): Uint8Array {
  const set = new Uint8Array(256)
  for (const ch of chars) set[ch.charCodeAt(0)] = 1
  return set
}
// jsonc-parser reads a run of bytes not in ENDS_WORD as one word: `truex` is one unknown token.
export const ENDS_WORD = byteSet(' \t\n\r{}[]":,/')
export const ESCAPES = byteSet('"\\/bfnrt')
export const HEX = byteSet('0123456789abcdefABCDEF')

/** What jsonc-parser says of a token (first byte c) where state s does not allow it. */
export function misplaced(s: number, c: number): string {
  if (s === E_END) return R.end
  if (s === E_ARR_NEXT || s === E_OBJ_NEXT) return R.comma
  if (s === E_COLON) return R.colon
  if (s === E_OBJ_FIRST) return c === 44 ? R.value : R.key
  return s === E_OBJ_KEY ? R.key : R.value
}

export function atEnd(s: number): string {
  if (s === E_TOP || s === E_END) return s === E_TOP ? R.empty : ''
  if (s === E_ARR_FIRST || s === E_ARR_NEXT) return R.bracket
  return s === E_OBJ_FIRST || s === E_OBJ_NEXT ? R.brace : misplaced(s, 0)
}
