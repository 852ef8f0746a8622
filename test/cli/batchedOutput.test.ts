import { afterEach, describe, expect, it, vi } from 'vitest'
import { BatchedOutput } from '../../electron/cli/batchedOutput'

// courier run's progress lines reach standard output in batches: fewer system calls, the
// same text in the same order, nothing held back at exit.
describe('BatchedOutput', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('gathers the lines written within the delay into one write, in order', () => {
    vi.useFakeTimers()
    const writes: string[] = []
    const out = new BatchedOutput((text) => writes.push(text), 25)
    out.write('GET a 200\n')
    out.write('GET b 200\n')
    expect(writes).toEqual([])
    vi.advanceTimersByTime(25)
    expect(writes).toEqual(['GET a 200\nGET b 200\n'])
    out.write('GET c 200\n')
    vi.advanceTimersByTime(25)
    expect(writes).toEqual(['GET a 200\nGET b 200\n', 'GET c 200\n'])
  })

  it('writes at once when the held text reaches its limit', () => {
    vi.useFakeTimers()
    const writes: string[] = []
    const out = new BatchedOutput((text) => writes.push(text), 25, 10)
    out.write('12345')
    out.write('67890')
    expect(writes).toEqual(['1234567890'])
    vi.advanceTimersByTime(100)
    expect(writes).toEqual(['1234567890'])
  })

  it('flush writes what is held right away and cancels the pending write', () => {
    vi.useFakeTimers()
    const writes: string[] = []
    const out = new BatchedOutput((text) => writes.push(text), 25)
    out.write('summary\n')
    out.flush()
    out.flush()
    expect(writes).toEqual(['summary\n'])
    expect(vi.getTimerCount()).toBe(0)
  })
})
