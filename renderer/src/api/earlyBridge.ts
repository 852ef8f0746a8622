/**
 * Browser mode's connection, started by a classic script that index.html runs before the
 * app's modules (the build makes this file that script: build/earlyBridgeScript.ts).
 *
 * Why: the bridge worker takes tens of milliseconds from its creation to running its
 * script, and its socket opens only then; the first screen waits for the answers that
 * come over it. Created here, it starts while the page still fetches and evaluates the
 * app's code, instead of once the entry module has run. The worker is started exactly as
 * webBridge.ts would (the socket's address and the first screen's calls in its name, see
 * bridgeSocket.worker.ts); main.ts's connectApi takes it over (window.courierEarlyBridge)
 * and webBridge.ts answers the first screen's calls from it. Without this script (the dev
 * server, or the Electron app, whose preload is the bridge) main.ts starts the worker.
 *
 * A script of our own origin, allowed by the page's CSP (script-src 'self'), no inline code.
 */
import type { BridgeCall, BridgeWorkerStart, FromBridgeWorker } from './bridgeWorkerMessages'
import { bridgeSocketUrl } from './bridgeSocketUrl'
import { FIRST_SCREEN_CALLS } from './firstScreenCalls'
import { takeWebToken } from './webToken'

/** The built bridge worker's address, relative to the page; written in by the build. */
declare const BRIDGE_WORKER_URL: string

function startEarly(): void {
  // The Electron app's preload is its bridge. Without a token main.ts says what is wrong.
  if (window.courier) return
  // Never true as index.html runs this (before any module), but should the app's entry
  // ever run first, it has connected already: no second connection.
  if (window.courierEarlyBridge !== undefined) return
  const token = takeWebToken()
  if (!token) return
  const sent: BridgeCall[] = FIRST_SCREEN_CALLS.map((call, i) => ({ id: i + 1, call, args: {} }))
  const start: BridgeWorkerStart = { url: bridgeSocketUrl(token), calls: sent }
  const worker = new Worker(BRIDGE_WORKER_URL, { name: JSON.stringify(start) })
  performance.mark('courier:bridge-started')
  // A message nobody listens to is lost: keep them until the app takes the worker over.
  const heard: MessageEvent<FromBridgeWorker>[] = []
  const keep = (event: MessageEvent<FromBridgeWorker>) => heard.push(event)
  worker.addEventListener('message', keep)
  window.courierEarlyBridge = {
    worker,
    sent,
    takeOver(listener) {
      worker.removeEventListener('message', keep)
      worker.addEventListener('message', listener)
      for (const event of heard.splice(0)) listener(event)
    },
  }
}

startEarly()
