import { join } from 'node:path'
import {
  flipFuses,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  type FuseV1Config,
} from '@electron/fuses'
import { Arch, type AfterPackContext } from 'electron-builder'

// electron-builder's afterPack hook (electron-builder.config.ts): flips Electron's fuses in
// the packaged binary before anything is signed, so the signature covers the flipped bytes.

/**
 * The fuses every Courier build sets; the others keep Electron's defaults.
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE` cannot turn the signed app into a plain Node.
 * - NODE_OPTIONS and `--inspect*` off: no code injected through the environment or a debugger.
 * - Embedded asar integrity and only-from-asar on: the app runs only the `app.asar`
 *   electron-builder hashed into the binary (macOS and Windows check the hash; Linux has no
 *   check, see docs/release.md).
 * - Cookie encryption on: cookies at rest are encrypted with the OS keyring's key.
 */
export const COURIER_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} as const satisfies Partial<Record<FuseV1Options, boolean>>

/** electron-builder's platform names (`context.electronPlatformName`). */
export type ElectronPlatformName = 'darwin' | 'mas' | 'win32' | 'linux'

/** What locating the packaged Electron binary needs, all from electron-builder's context. */
export interface BinaryLocation {
  /** The unpacked app folder (`context.appOutDir`), e.g. `dist/linux-unpacked`. */
  appOutDir: string
  /** `context.electronPlatformName`. */
  platform: string
  /** `context.packager.appInfo.productFilename`: the macOS `.app` and Windows `.exe` name. */
  productFilename: string
  /** `context.packager.executableName` on Linux (the lower-cased package name by default). */
  linuxExecutableName?: string
}

/** The packaged Electron binary whose fuses are flipped, as electron-builder lays it out. */
export function electronBinaryPath(location: BinaryLocation): string {
  const { appOutDir, platform, productFilename } = location
  switch (platform) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename)
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`)
    case 'linux':
      if (!location.linuxExecutableName)
        throw new Error(
          'afterPack: no Linux executable name in the packager context; is this electron-builder 26?',
        )
      return join(appOutDir, location.linuxExecutableName)
    default:
      throw new Error(
        `afterPack: cannot locate the Electron binary for platform "${platform}"; expected darwin, mas, win32 or linux.`,
      )
  }
}

/**
 * The full @electron/fuses config for one build. On Apple silicon an unsigned build keeps
 * Electron's ad-hoc signature, which flipping invalidates: macOS would kill the app at launch,
 * so that signature is redone (a real signing identity signs again afterwards anyway).
 */
export function courierFuseConfig(platform: string, arch: string): FuseV1Config {
  const appleSilicon = (platform === 'darwin' || platform === 'mas') && arch !== 'x64'
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: appleSilicon, ...COURIER_FUSES }
}

// @electron/fuses writes each fuse as an ASCII digit: '1' on, '0' off.
const ENABLED = 0x31
const DISABLED = 0x30

/** Reads the fuses back and throws naming each one that did not take. */
export async function verifyFuses(binary: string): Promise<void> {
  const wire = (await getCurrentFuseWire(binary)) as Record<number, number>
  const wrong = Object.entries(COURIER_FUSES)
    .filter(([index, on]) => wire[Number(index)] !== (on ? ENABLED : DISABLED))
    .map(([index, on]) => `${FuseV1Options[Number(index)]} should be ${on ? 'on' : 'off'}`)
  if (wrong.length > 0)
    throw new Error(`afterPack: fuses not set in ${binary}: ${wrong.join(', ')}.`)
}

/** The hook electron-builder calls once per platform and arch, after packing, before signing. */
export default async function afterPack(context: AfterPackContext): Promise<void> {
  const platform = context.electronPlatformName
  const packager = context.packager as typeof context.packager & { executableName?: string }
  const binary = electronBinaryPath({
    appOutDir: context.appOutDir,
    platform,
    productFilename: packager.appInfo.productFilename,
    linuxExecutableName: packager.executableName,
  })
  await flipFuses(binary, courierFuseConfig(platform, Arch[context.arch]))
  await verifyFuses(binary)
}
