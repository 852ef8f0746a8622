#!/usr/bin/env node
// `npx courier`: runs the built command line (out/node/cli.js, made by `npm run build`,
// which `npm install` runs through the prepare script).
import { existsSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath } from 'node:url'

// Node 22.1+ keeps the compiled code of the modules it loads on disk, so later starts skip
// compiling them; older Node has no such cache and this does nothing.
module.enableCompileCache?.()

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write(
    `Error: Courier's command line is not built (${cli} is missing). Run \`npm run build\` in the Courier folder.\n`,
  )
  process.exit(2)
}
await import(cli)
