/**
 * The few terminal styles the cli reporter uses, as plain ANSI escapes (no colour
 * library): every function returns its text unchanged when colour is off.
 */
export interface Paint {
  readonly enabled: boolean
  gray(text: string): string
  green(text: string): string
  red(text: string): string
  yellow(text: string): string
  cyan(text: string): string
  bold(text: string): string
  underline(text: string): string
}

const style =
  (on: boolean, open: number, close: number) =>
  (text: string): string =>
    on && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text

export function paint(enabled: boolean): Paint {
  return {
    enabled,
    gray: style(enabled, 90, 39),
    green: style(enabled, 32, 39),
    red: style(enabled, 31, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
    bold: style(enabled, 1, 22),
    underline: style(enabled, 4, 24),
  }
}

/**
 * `--color`: `on` and `off` as given; `auto` colours only a terminal, and never when
 * NO_COLOR is set to anything but the empty string (https://no-color.org).
 */
export function colorEnabled(
  color: 'on' | 'off' | 'auto',
  isTTY: boolean,
  env: Record<string, string | undefined>,
): boolean {
  if (color === 'on') return true
  if (color === 'off') return false
  const noColor = env.NO_COLOR
  return isTTY && (noColor === undefined || noColor === '')
}

// C0 controls but tab and newline, DEL, and C1 controls (0x9B opens a sequence too).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/**
 * Text from a response, a script or a collection made safe to print: control characters
 * (ESC above all, which could restyle or rewrite the terminal) shown as `\u001B`.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    CONTROL,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}
