import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { takeSnapshot } from '../../../electron/core/scripts/memorySnapshot'
import { SandboxInstance } from '../../../electron/core/scripts/sandboxInstance'
import { readLayout } from '../../../electron/core/scripts/wasmLayout'

const KB = 1024
const MB = 1024 * KB

/** A memory laid out as Emscripten's: data, a zero stack region, then a heap. */
function fakeMemory() {
  const buffer = new ArrayBuffer(4 * MB)
  const bytes = new Uint8Array(buffer)
  bytes.fill(7, 0, 128 * KB)
  bytes.fill(9, 3 * MB, 3 * MB + 512 * KB)
  return { memory: { buffer }, bytes }
}

describe('the memory snapshot', () => {
  it('puts back the data and the heap, and skips only the dead stack', () => {
    const { memory, bytes } = fakeMemory()
    const snapshot = takeSnapshot(memory, { dataEnd: 1000, stackHigh: 3 * MB })
    expect(snapshot.copiedBytes).toBe(128 * KB + 512 * KB)
    bytes.fill(1, 0, 16)
    bytes.fill(2, 3 * MB + 100, 3 * MB + 200)
    bytes.fill(3, 2 * MB, 2 * MB + 10)
    snapshot.restore()
    expect(bytes.subarray(0, 16).every((b) => b === 7)).toBe(true)
    expect(bytes.subarray(3 * MB + 100, 3 * MB + 200).every((b) => b === 9)).toBe(true)
    // Dead stack: written before it is read, so left as the script left it.
    expect(bytes[2 * MB]).toBe(3)
  })

  it('copies everything in use when the zero run is not within the stack', () => {
    const { memory } = fakeMemory()
    const end = 3 * MB + 512 * KB
    expect(takeSnapshot(memory, null).copiedBytes).toBe(end)
    expect(takeSnapshot(memory, { dataEnd: 1000, stackHigh: 2 * MB }).copiedBytes).toBe(end)
    expect(takeSnapshot(memory, { dataEnd: 2900 * KB, stackHigh: 3 * MB }).copiedBytes).toBe(end)
  })

  it('never skips the 64 KB above the data, where zero-initialised statics live', () => {
    const { memory } = fakeMemory()
    const snapshot = takeSnapshot(memory, { dataEnd: 100 * KB, stackHigh: 3 * MB })
    // The zero run starts at 128 KB; skipping starts at the page after 100 + 64 KB.
    expect(snapshot.copiedBytes).toBe(192 * KB + 512 * KB)
  })

  it("reads QuickJS's layout from its WebAssembly: data, then the stack", () => {
    const path = createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm')
    const layout = readLayout(readFileSync(path))
    expect(layout).not.toBeNull()
    expect(layout!.stackHigh - layout!.dataEnd).toBeGreaterThan(MB)
  })

  it('lets a sandbox instance skip its stack when it resets', async () => {
    const instance = await SandboxInstance.create(64 * MB, 512 * KB)
    expect(instance.resetBytes).toBeLessThan(4 * MB)
  })
})
