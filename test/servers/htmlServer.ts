import { createServer } from 'node:http'
import { listen, type RunningServer } from './listen'

/**
 * `/page` answers an HTML page whose inline script would rewrite the page and call the
 * parent, so a preview test can prove scripts do not run.
 */
export const HTML_PAGE = `<!doctype html>
<html><head><title>Preview fixture</title></head>
<body><h1 id="greeting">Hello from the server</h1>
<script>
  document.getElementById('greeting').textContent = 'SCRIPT RAN';
  try { parent.document.title = 'HIJACKED' } catch (e) {}
</script></body></html>`

export function startHtmlServer(): Promise<RunningServer> {
  const server = createServer((req, res) => {
    req.resume()
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HTML_PAGE)
  })
  return listen(server)
}
