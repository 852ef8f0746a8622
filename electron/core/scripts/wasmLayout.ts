/**
 * Where an Emscripten WebAssembly module keeps its static data and its C stack, read from
 * the binary: the end of its data segments, and the stack pointer's starting value (its
 * first global, as wasm-ld emits it). Memory is laid out as data (then zero-initialised
 * statics), the stack below `stackHigh` growing down, and the heap above it.
 */
export interface WasmLayout {
  /** The end of the initialised data, bytes. */
  dataEnd: number
  /** Where the C stack starts (its top: it grows down), bytes. */
  stackHigh: number
}

const GLOBAL_SECTION = 6
const DATA_SECTION = 11
const I32_CONST = 0x41

/** The layout, or null when the binary is not shaped as expected. */
export function readLayout(bytes: Uint8Array): WasmLayout | null {
  let at = 8
  const unsigned = () => {
    let value = 0
    let shift = 0
    let byte: number
    do {
      byte = bytes[at++]!
      value += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return value
  }
  const signed = () => {
    let value = 0
    let shift = 0
    let byte: number
    do {
      byte = bytes[at++]!
      value |= (byte & 0x7f) << shift
      shift += 7
    } while (byte & 0x80)
    return shift < 32 && byte & 0x40 ? value | (~0 << shift) : value
  }
  let dataEnd = -1
  let stackHigh = -1
  while (at < bytes.length) {
    const id = bytes[at++]
    const size = unsigned()
    const end = at + size
    if (id === GLOBAL_SECTION && unsigned() > 0) {
      at += 2 // the first global's value type and mutability
      if (bytes[at++] === I32_CONST) stackHigh = signed()
    } else if (id === DATA_SECTION) {
      for (let count = unsigned(); count > 0; count--) {
        const kind = unsigned()
        let offset = 0
        if (kind === 0) {
          if (bytes[at++] !== I32_CONST) return null
          offset = signed()
          at++ // end of the offset expression
        } else if (kind !== 1) return null
        const length = unsigned()
        at += length
        dataEnd = Math.max(dataEnd, offset + length)
      }
    }
    at = end
  }
  return dataEnd > 0 && stackHigh > dataEnd ? { dataEnd, stackHigh } : null
}
