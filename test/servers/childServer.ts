import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import type { RunningServer } from './listen'

const STARTUP_LIMIT_MS = 20_000

/** Resolves once something accepts TCP connections on host:port. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Starts a server process and waits until its port accepts connections (polling the port
 * is the readiness signal; the process prints nothing we could rely on). Fails with the
 * process output when it exits or does not come up in time.
 */
export async function startChildServer(
  name: string,
  command: string,
  args: string[],
  host: string,
  port: number,
  cwd: string,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  let exited = false
  child.once('exit', () => (exited = true))

  const deadline = Date.now() + STARTUP_LIMIT_MS
  while (!(await canConnect(host, port))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${name} did not start on ${host}:${port}:\n${output.slice(-2000)}`)
    }
    await delay(50) // poll interval while waiting for the port, not a synchronisation sleep
  }
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
