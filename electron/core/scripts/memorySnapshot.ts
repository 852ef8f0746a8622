/**
 * A copy of a WebAssembly memory to put back before each script, so every script starts
 * from the same pristine QuickJS state.
 *
 * What is copied: everything up to the last byte in use (the data, the used stack and the
 * heap, with the allocator's own state), except one region: the dead part of the C stack.
 * Emscripten lays memory out as data, then a 5 MB stack, then the heap (wasmLayout.ts);
 * at rest the stack below its top is dead, and it is nearly all of what lies below the
 * heap. The region skipped is the longest run of zero pages, at least 1 MB, if it lies
 * within the stack: below the stack's top, and above the data with 64 KB to spare for the
 * zero-initialised statics that follow it (about 3 KB in this build). If not,
 * the whole used memory is copied: correct, only slower (~0.4 ms rather than ~0.05 ms for
 * the 6 MB of a sandbox with chai loaded).
 *
 * What is not copied needs no copy: bytes past the last one in use are free memory to the
 * restored allocator, and stack below its top is written before it is read.
 */
import type { WasmLayout } from './wasmLayout'

const PAGE = 64 * 1024
/** The dead stack region is skipped only if it is at least this big. */
const MIN_SKIP_PAGES = 16
/** Room left above the data for zero-initialised statics, never skipped. */
const STATICS_MARGIN = 64 * 1024

export interface MemorySnapshot {
  /** Writes the copy back. */
  restore(): void
  /** Bytes written back by restore(). */
  readonly copiedBytes: number
}

/** A page of zeros, to compare pages with natively (memcmp), not a word at a time in JavaScript. */
const ZERO_PAGE = Buffer.alloc(PAGE)

function isZeroPage(bytes: Uint8Array, page: number): boolean {
  const at = page * PAGE
  const view = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(PAGE, bytes.length - at))
  return view.equals(view.length === PAGE ? ZERO_PAGE : ZERO_PAGE.subarray(0, view.length))
}

/** The longest run of all-zero pages in `bytes`, as [from, to) byte offsets. */
function longestZeroRun(bytes: Uint8Array): [number, number] {
  let best: [number, number] = [0, 0]
  let start = -1
  const pages = Math.floor(bytes.length / PAGE)
  for (let page = 0; page <= pages; page++) {
    const zero = page < pages && isZeroPage(bytes, page)
    if (zero && start < 0) start = page
    if (!zero && start >= 0) {
      if (page - start > best[1] - best[0]) best = [start, page]
      start = -1
    }
  }
  return [best[0] * PAGE, best[1] * PAGE]
}

/** Bytes up to the last one in use: whole zero pages skipped from the end natively. */
function usedLength(live: Uint8Array): number {
  let page = Math.ceil(live.length / PAGE)
  while (page > 0 && isZeroPage(live, page - 1)) page--
  let end = Math.min(live.length, page * PAGE)
  while (end > 0 && live[end - 1] === 0) end--
  return end
}

/** Takes the snapshot of `memory` now; `layout` null copies all of it. */
export function takeSnapshot(
  memory: { buffer: ArrayBuffer },
  layout: WasmLayout | null,
): MemorySnapshot {
  const live = new Uint8Array(memory.buffer)
  const end = Math.min(live.length, Math.ceil(usedLength(live) / 8) * 8)
  const copy = live.slice(0, end)
  let [skipFrom, skipTo] = longestZeroRun(copy)
  if (layout) {
    const aboveStatics = Math.ceil((layout.dataEnd + STATICS_MARGIN) / PAGE) * PAGE
    skipFrom = Math.max(skipFrom, aboveStatics)
  }
  const fits =
    layout !== null && skipTo - skipFrom >= MIN_SKIP_PAGES * PAGE && skipTo <= layout.stackHigh
  if (!fits) [skipFrom, skipTo] = [end, end]
  const low = copy.subarray(0, skipFrom)
  const high = copy.subarray(skipTo)
  return {
    copiedBytes: low.length + high.length,
    restore() {
      const target = new Uint8Array(memory.buffer)
      target.set(low, 0)
      target.set(high, skipTo)
    },
  }
}
