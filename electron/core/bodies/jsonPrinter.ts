import { GrowableFloat64, GrowableInt32 } from './lineDocument'
import type { SpoolWriter } from './spoolWriter'
import {
  OUT,
  EMPTY,
  NEED,
  FAIL,
  R,
  E_TOP,
  E_END,
  E_ARR_FIRST,
  E_ARR_NEXT,
  E_ARR_VALUE,
  E_OBJ_FIRST,
  E_OBJ_NEXT,
  E_OBJ_KEY,
  E_COLON,
  E_MEMBER,
  N_MINUS,
  N_ZERO,
  N_INT,
  N_DOT,
  N_FRAC,
  N_E,
  N_SIGN,
  N_EXP,
  LITERALS,
  ENDS_WORD,
  ESCAPES,
  HEX,
  misplaced,
  atEnd,
} from './jsonGrammar'

/** Spans up to this long are copied byte by byte (see span). */
const SHORT_SPAN = 64

/** The state machine of prettyJson.ts: validates, re-indents and indexes one chunk at a time. */
export class Printer {
  // Output: the buffer being filled, full ones waiting to be written, spent ones to refill.
  o: Buffer = Buffer.allocUnsafe(OUT)
  op = 0
  outBase = 0
  pending: Array<[Buffer, number]> = []
  spare: Buffer[] = []
  lineStarts = new GrowableFloat64()
  foldEnds = new GrowableInt32()
  parents = new GrowableInt32()
  // Per open container: the state after one of its items (E_ARR_NEXT / E_OBJ_NEXT), its first line.
  nexts: number[] = []
  openers: number[] = []
  expect = E_TOP
  // Input: bytes fed, a BOM to skip, the line (1-based) and its start, a token cut at the chunk end.
  base = 0
  skip = 0
  line = 1
  lineAt = 0
  carry: Buffer = EMPTY
  // The token: where it starts; for a string in progress (never read twice, it may be huge),
  // key or value, its own error, and the one it earns if misplaced (its own errors come first).
  tokAt = 0
  inString = false
  tokKey = false
  strErr = ''
  pend = ''
  err: { at: number; reason: string } | null = null

  constructor() {
    this.record(-1)
  }

  feed(chunk: Buffer, eof: boolean): void {
    const b = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk
    const at0 = this.base - this.carry.length // input offset of b[0]
    this.base += chunk.length
    this.carry = EMPTY
    const n = b.length
    let i = Math.max(0, this.skip - at0)
    if (this.inString) i = this.str(b, i, eof)
    while (i >= 0 && i < n) {
      const c = b[i]!
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        if (c === 10) {
          this.line++
          this.lineAt = at0 + i + 1
        }
        i++
        continue
      }
      const s = this.expect
      this.tokAt = at0 + i
      let next = i + 1
      if (c === 44 || c === 58 || c === 93 || c === 125) next = this.punct(c, s, next)
      else if (c === 47 /* / */) {
        const d = b[next]
        if (next < n || eof) next = this.fail(d === 47 || d === 42 ? R.comment : R.char)
        else next = NEED
      } else {
        // A value or a key. A misplaced one is still read, since its own errors come first.
        this.tokKey = c === 34 && (s === E_OBJ_FIRST || s === E_OBJ_KEY)
        const value = s === E_TOP || s === E_ARR_FIRST || s === E_ARR_VALUE || s === E_MEMBER
        this.pend = this.tokKey || value ? '' : misplaced(s, c)
        if (c === 123 || c === 91) next = this.pend ? this.fail(this.pend) : this.open(c, s, next)
        else if (c === 34) {
          this.begin(s)
          this.span(b, i, next)
          this.inString = true
          this.strErr = ''
          next = this.str(b, next, eof)
        } else if (c === 45 || (c >= 48 && c <= 57))
          next = this.scalar(b, i, this.num(b, i, eof), s)
        else if (LITERALS[c]) next = this.scalar(b, i, this.word(b, i, LITERALS[c]!, eof), s)
        else next = this.fail(R.char)
      }
      if (next === NEED && !this.inString) this.carry = b.subarray(i)
      i = next
    }
    // The input ended between tokens (an open string failed in str).
    if (eof && i === n && atEnd(this.expect)) this.fail(atEnd(this.expect), at0 + n)
  }

  /** `,` `:` `]` `}`. */
  private punct(c: number, s: number, next: number): number {
    if (c === 44 && (s === E_ARR_NEXT || s === E_OBJ_NEXT)) {
      this.byte(44)
      this.newline()
      this.expect = s === E_ARR_NEXT ? E_ARR_VALUE : E_OBJ_KEY
    } else if (c === 58 && s === E_COLON) {
      this.byte(58)
      this.byte(32)
      this.expect = E_MEMBER
    } else if (c === 93 && (s === E_ARR_FIRST || s === E_ARR_NEXT)) this.close(c, s === E_ARR_FIRST)
    else if (c === 125 && (s === E_OBJ_FIRST || s === E_OBJ_NEXT)) this.close(c, s === E_OBJ_FIRST)
    else return this.fail(misplaced(s, c))
    return next
  }

  /**
   * String content from b[i], scanned in one pass: most strings are short, and a native
   * indexOf per string cost more than it saved. Escapes and control characters are
   * checked on the way.
   */
  private str(b: Buffer, i: number, eof: boolean): number {
    const n = b.length
    const from = i
    for (;;) {
      let c = 0
      while (i < n) {
        c = b[i]!
        if (c === 34 || c === 92 || c < 32) break
        i++
      }
      if (i === n) {
        this.span(b, from, n)
        return eof ? this.fail(R.string) : NEED
      }
      if (c === 34) break
      if (c === 10 || c === 13) return this.fail(R.string)
      if (c < 32) {
        this.strErr = R.control
        i++
        continue
      }
      // An escape: \x, or \u and up to 4 hex digits (a short run is an error, not the end).
      const u = b[i + 1] === 117
      let hex = 0
      if (u) while (hex < 4 && HEX[b[i + 2 + hex]!]) hex++
      if (i + 2 + hex > n || (u && hex < 4 && i + 2 + hex === n)) {
        if (eof) return this.fail(R.string)
        this.span(b, from, i)
        this.carry = b.subarray(i) // the escape is read again, whole, with the next chunk
        return NEED
      }
      if (u ? hex < 4 : !ESCAPES[b[i + 1]!]) this.strErr = u ? R.unicode : R.escape
      i += 2 + hex
    }
    this.span(b, from, i + 1)
    this.inString = false
    if (this.strErr || this.pend) return this.fail(this.strErr || this.pend)
    this.expect = this.tokKey ? E_COLON : this.afterValue()
    return i + 1
  }

  private num(b: Buffer, i: number, eof: boolean): number {
    let ns = b[i] === 45 ? N_MINUS : b[i] === 48 ? N_ZERO : N_INT
    let j = i + 1
    for (; j < b.length; j++) {
      const c = b[j]!
      if (c >= 48 && c <= 57) {
        if (ns === N_ZERO) break
        if (ns === N_MINUS) ns = c === 48 ? N_ZERO : N_INT
        else if (ns === N_DOT) ns = N_FRAC
        else if (ns === N_E || ns === N_SIGN) ns = N_EXP
      } else if (c === 46 && (ns === N_ZERO || ns === N_INT)) ns = N_DOT
      else if ((c | 32) === 101 && (ns === N_ZERO || ns === N_INT || ns === N_FRAC)) ns = N_E
      else if ((c === 43 || c === 45) && ns === N_E) ns = N_SIGN
      else break
    }
    if (j === b.length && !eof) return NEED
    return ns % 2 === 0 ? j : this.fail(ns === N_MINUS ? R.char : R.number)
  }

  /** true, false or null, as a whole word. */
  private word(b: Buffer, i: number, lit: Buffer, eof: boolean): number {
    let j = i
    while (j < b.length && j - i < lit.length && b[j] === lit[j - i]) j++
    if (j === b.length && !eof) return NEED
    const whole = j - i === lit.length && (j === b.length || ENDS_WORD[b[j]!] === 1)
    return whole ? j : this.fail(R.char)
  }

  /** A number or literal read up to `end`: written once whole, as it stands in the input. */
  private scalar(b: Buffer, i: number, end: number, s: number): number {
    if (end < 0) return end
    if (this.pend) return this.fail(this.pend)
    this.begin(s)
    this.span(b, i, end)
    this.expect = this.afterValue()
    return end
  }

  private fail(reason: string, at = this.tokAt): number {
    this.err ??= { at, reason }
    return FAIL
  }

  private afterValue(): number {
    return this.nexts.at(-1) ?? E_END
  }

  /** The first item of a block starts its first line (so `{}` and `[]` stay on one line). */
  private begin(s: number): void {
    if (s === E_ARR_FIRST || s === E_OBJ_FIRST) this.newline()
  }

  private open(c: number, s: number, next: number): number {
    this.begin(s)
    this.byte(c)
    this.nexts.push(c === 91 ? E_ARR_NEXT : E_OBJ_NEXT)
    this.openers.push(this.lineStarts.length - 1)
    this.expect = c === 91 ? E_ARR_FIRST : E_OBJ_FIRST
    return next
  }

  private close(c: number, empty: boolean): void {
    this.nexts.pop()
    const opener = this.openers.pop()!
    if (!empty) {
      // Indented like its opener, yet inside the block: its parent is the opener.
      this.newline(this.openers.length, opener)
      this.foldEnds.set(opener, this.lineStarts.length - 1)
    }
    this.byte(c)
    this.expect = this.afterValue()
  }

  /** A line break and indent, recorded in the index. */
  private newline(level = this.openers.length, parent = this.openers[level - 1]!): void {
    const w = 2 * level
    if (this.op + w + 1 > this.o.length) this.flush(w + 1)
    const o = this.o
    o[this.op++] = 10
    this.record(parent)
    if (w > 64) o.fill(32, this.op, this.op + w)
    else for (let k = this.op; k < this.op + w; k++) o[k] = 32
    this.op += w
  }

  private record(parent: number): void {
    this.lineStarts.push(this.outBase + this.op)
    this.parents.push(parent)
    this.foldEnds.push(-1)
  }

  private byte(c: number): void {
    if (this.op === this.o.length) this.flush(1)
    this.o[this.op++] = c
  }

  private span(from: Buffer, start: number, end: number): void {
    const length = end - start
    if (length > this.o.length - this.op) this.flush(length)
    // Most tokens are a few bytes: a loop beats Buffer#copy, which makes a view per call.
    if (length <= SHORT_SPAN) {
      const o = this.o
      let op = this.op
      for (let k = start; k < end; k++) o[op++] = from[k]!
      this.op = op
    } else this.op += from.copy(this.o, this.op, start, end)
  }

  /** Queues the filled output buffer. */
  seal(): void {
    if (this.op > 0) this.pending.push([this.o, this.op])
    this.outBase += this.op
    this.op = 0
  }

  /** Queues the filled output buffer and takes one with room for `bytes`. */
  private flush(bytes: number): void {
    this.seal()
    const spare = bytes <= OUT ? this.spare.pop() : undefined
    this.o = spare ?? Buffer.allocUnsafe(Math.max(OUT, bytes))
  }

  /** Writes the queued buffers; once the writer spools to a file it keeps none, so they are reused. */
  async drain(out: SpoolWriter): Promise<void> {
    for (const [buffer, used] of this.pending.splice(0)) {
      await out.write(buffer.subarray(0, used))
      if (out.spooled && buffer.length === OUT) this.spare.push(buffer)
    }
  }
}
