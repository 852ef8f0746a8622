// Prints vitest's totals as one plain line ("N passed, N failed") for CI logs.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`)
