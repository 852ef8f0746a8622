import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultDataDir } from '../core/dataDir'
import { SecretsFileError } from '../core/secrets/externalSecrets'
import { parseWebArgs, WebUsageError, type WebArgs } from './webArgs'
import { startWebHost } from './webHost'

// `npm run web`: serves the built renderer and prints the one address to open. This runs
// built (out/node/web.js, beside out/renderer and the worker it starts), never from source.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
const prettyWorkerEntry = new URL('./prettyWorker.js', import.meta.url)
const scriptWorkerEntry = new URL('./scriptWorker.js', import.meta.url)
const historyWorkerEntry = new URL('./historyWriterWorker.js', import.meta.url)
const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
}

function fail(message: string, code: number): never {
  io.stderr(`Error: ${message}\n`)
  process.exit(code)
}

let args: WebArgs | null
try {
  args = parseWebArgs(process.argv.slice(2), { dataDir: defaultDataDir(), rendererDir }, io)
} catch (error) {
  if (!(error instanceof WebUsageError)) throw error
  fail(`${error.message}\nRun with --help for every option.`, 2)
}
if (args === null) process.exit(0)

if (!existsSync(join(args.rendererDir, 'index.html'))) {
  fail(`The built UI is missing (${args.rendererDir}/index.html). Run \`npm run build\` first.`, 2)
}

const host = await startWebHost({
  ...args,
  prettyWorkerEntry,
  scriptWorkerEntry,
  historyWorkerEntry,
}).catch((error: NodeJS.ErrnoException) =>
  error instanceof SecretsFileError
    ? fail(error.message, 2)
    : fail(
        error.code === 'EADDRINUSE'
          ? `Port ${args.port} on 127.0.0.1 is already in use; choose another with --port.`
          : `Could not start the web host: ${error.message}`,
        1,
      ),
)
io.stdout(`Courier web: ${host.url}\n`)

let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return
    closing = true
    void host.close().then(() => process.exit(0))
  })
}
