#!/usr/bin/env node
// `npx courier` after `npm install`: runs the TypeScript CLI through tsx's loader,
// so there is no separate build step for the command line.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register()
await import(fileURLToPath(new URL('../electron/cli/index.ts', import.meta.url)))
