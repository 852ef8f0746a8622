import { BatchedOutput } from './batchedOutput'
import { runCli } from './program'

const stdout = new BatchedOutput((text) => process.stdout.write(text))
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => stdout.write(text),
  stderr: (text) => {
    stdout.flush()
    process.stderr.write(text)
  },
})
stdout.flush()
process.exitCode = code
