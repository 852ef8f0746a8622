import { benchCli } from './cli'
import { benchEngine } from './engine'
import { benchFormatJson } from './formatJson'
import { benchHistory } from './history'
import { benchLarge } from './large'
import { benchRunner } from './runner'
import { benchScripts } from './scripts'
import { benchStartup } from './startup'

// `npm run bench [-- name]`: each benchmark prints JSON lines with its figures and
// the ratio against a baseline measured in the same run.
const suites: Record<string, () => Promise<void>> = {
  cli: benchCli,
  engine: benchEngine,
  formatJson: benchFormatJson,
  history: benchHistory,
  large: benchLarge,
  runner: benchRunner,
  scripts: benchScripts,
  startup: benchStartup,
}
/** Long benchmarks run only when named (`npm run bench -- history`). */
const onlyWhenNamed = new Set(['history', 'large', 'runner', 'scripts', 'startup'])
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const chosen = names.length > 0 ? names : Object.keys(suites).filter((n) => !onlyWhenNamed.has(n))
for (const name of chosen) {
  const suite = suites[name]
  if (!suite) {
    console.error(`Unknown benchmark "${name}". Choose from: ${Object.keys(suites).join(', ')}.`)
    process.exit(2)
  }
  await suite()
}
