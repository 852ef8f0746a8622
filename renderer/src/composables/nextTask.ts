/**
 * Resolves in a task of its own, so input and painting can run first. A message, not
 * setTimeout: nested timeouts are clamped to 4 ms, which step by step would add up.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
