/**
 * Whether a script may use chai (pm.expect), read from its text: a script that names
 * `expect` or `chai`. Compiling chai into a sandbox instance's pristine state costs ~8 ms
 * (far more while the WebAssembly is cold), so the pool adds it only for scripts that may
 * use it (sandboxInstance.ts). A miss costs nothing but time: a script that reaches chai
 * without naming it (pm['exp' + 'ect']) loads it into its own context, as the kernel does
 * for any module, and the pool never changes what a script can do.
 */
const NAMES_CHAI = /expect|chai/

export function namesChai(source: string): boolean {
  return NAMES_CHAI.test(source)
}
