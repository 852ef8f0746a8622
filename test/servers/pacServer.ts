import { createServer } from 'node:http'
import { listen, type RunningServer } from './listen'

/** Serves one PAC file at any path (`application/x-ns-proxy-autoconfig`), counting reads. */
export async function startPacServer(pac: string): Promise<RunningServer & { reads(): number }> {
  let reads = 0
  const server = createServer((req, res) => {
    reads++
    req.resume()
    res.writeHead(200, { 'Content-Type': 'application/x-ns-proxy-autoconfig' }).end(pac)
  })
  return { ...(await listen(server)), reads: () => reads }
}
