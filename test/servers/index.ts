// Real servers the engine, CLI and end-to-end tests talk to. Nothing here mocks the network:
// httpbin and json-server are the real programs, the rest are small loopback servers for
// what those two cannot do (reset, hang, loop, huge bodies, TLS, wire-level recording).
export { startHttpbin } from './httpbin'
export { startJsonServer, SEED_DB } from './jsonServer'
export {
  startCompressedServer,
  startCutOffBodyServer,
  startHangingServer,
  startHugeBodyServer,
  hugeBodyChunk,
  startRedirectLoopServer,
  startResetServer,
} from './faultyServers'
export { startTlsServer } from './tlsServer'
export { startRecordingServer, type RecordedRequest } from './recordingServer'
export type { RunningServer } from './listen'
export { startHtmlServer, HTML_PAGE } from './htmlServer'
export { startBigJsonServer, bigJson, LAST_RECORD_NAME } from './bigJsonServer'
export { startProxyServer, type RunningProxy, type ProxiedRequest } from './proxyServer'
export { startSocksServer, type RunningSocksServer } from './socksServer'
export { startPacServer } from './pacServer'
export { startOAuthServer, type OAuthServer } from './oauthServer'
export { startSigV4Server } from './sigV4Server'
export { startNtlmServer, type NtlmServer, type NtlmEvent } from './ntlmServer'
