/** The messages of a script stopped by a limit: each names the limit and what to do. */
import type { ScriptLimits } from './scriptTypes'

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`)

export const limitMessages = {
  cpu: (l: ScriptLimits) =>
    `Script exceeded its ${seconds(l.cpuMs)} CPU limit (settings: Script time limit). Look for a loop that never ends.`,
  memory: (l: ScriptLimits) =>
    `Script exceeded its ${mb(l.memoryBytes)} memory limit. Keep less in memory (a huge string or array?).`,
  stack: (l: ScriptLimits) =>
    `Script exceeded its ${kb(l.stackBytes)} stack limit: recursion or nesting too deep.`,
  time: (l: ScriptLimits, waitingFor: string) =>
    `Script did not finish within its ${seconds(l.timeMs)} time limit${waitingFor ? `: it was still waiting for ${waitingFor}` : ''}.`,
  input: (l: ScriptLimits, bytes: number) =>
    `The data given to the script (${mb(bytes)}, mostly the response body) is too big for its ${mb(l.memoryBytes)} memory limit.`,
}
