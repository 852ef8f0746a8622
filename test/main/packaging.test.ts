import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { Ajv } from 'ajv'
import { Arch, type AfterPackContext } from 'electron-builder'
import { afterAll, describe, expect, it } from 'vitest'
import afterPack, {
  COURIER_FUSES,
  courierFuseConfig,
  electronBinaryPath,
  verifyFuses,
} from '../../build/afterPack'
import config, { debMaintainer } from '../../electron-builder.config'

// The Electron binary cannot be downloaded here, so electron-builder never runs: these
// tests check its config against its own schema, and run the afterPack hook on stand-in
// binaries that carry Electron's fuse wire.

const require = createRequire(import.meta.url)
// The glob matcher and options electron-builder itself matches `files` and `asarUnpack` with.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))(
  'minimatch',
) as { minimatch: (path: string, pattern: string, options: { dot: boolean }) => boolean }
const matches = (path: string, pattern: string): boolean => minimatch(path, pattern, { dot: true })

function schemaValidator() {
  const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'))
  const ajv = new Ajv({ allErrors: true, strict: false })
  // The schema types hooks as `{ typeof: 'function' }`, a keyword outside JSON Schema.
  ajv.addKeyword({
    keyword: 'typeof',
    schemaType: 'string',
    validate: (t: string, d: unknown) => typeof d === t,
  })
  return ajv.compile(scheme)
}

const validate = schemaValidator()
const errorsOf = (candidate: unknown) => (validate(candidate) ? [] : validate.errors)

/** Whether electron-builder's `files` patterns (with `!` exclusions) take a path. */
function packs(path: string): boolean {
  const patterns = config.files as string[]
  const included = patterns.some((p) => !p.startsWith('!') && matches(path, p))
  return included && !patterns.some((p) => p.startsWith('!') && matches(path, p.slice(1)))
}

describe('electron-builder.config.ts', () => {
  it("is valid against electron-builder's own schema (app-builder-lib/scheme.json)", () => {
    expect(errorsOf(config)).toEqual([])
  })

  it('the schema check rejects a misspelt option and a hook that is not a function or path', () => {
    expect(errorsOf({ ...config, mac: { ...config.mac, hardenedRuntme: true } })).not.toEqual([])
    expect(errorsOf({ ...config, afterPack: 42 })).not.toEqual([])
  })

  it('builds AppImage and deb on Linux, an NSIS installer on Windows, a dmg on macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
  })

  it('signs macOS builds with the hardened runtime and an entitlement for V8 JIT', () => {
    expect(config.mac?.hardenedRuntime).toBe(true)
    const plist = readFileSync(config.mac!.entitlements!, 'utf8')
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/)
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements)
  })

  it('unpacks libsql and the native addon it loads from the asar', () => {
    const patterns = config.asarUnpack as string[]
    const unpacked = (path: string) => patterns.some((p) => matches(path, p))
    // libsql requires the prebuilt addon of the platform it runs on, @libsql/<target>
    // (its package.json's neon targets); npm installs only this machine's.
    const libsqlDir = dirname(require.resolve('libsql'))
    const { neon } = JSON.parse(readFileSync(join(libsqlDir, 'package.json'), 'utf8')) as {
      neon: { targets: Record<string, string> }
    }
    const addons = Object.values(neon.targets).map((name) => `node_modules/${name}/index.node`)
    expect(addons.filter((addon) => existsSync(addon))).not.toEqual([])
    for (const addon of addons) expect(unpacked(addon), addon).toBe(true)
    expect(unpacked('node_modules/libsql/index.js')).toBe(true)
    expect(unpacked('out/main/index.js')).toBe(false)
  })

  it('packs the built app and package.json, not sources, tests, source maps or the CLI', () => {
    for (const path of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ])
      expect(packs(path), path).toBe(true)
    for (const path of [
      'electron/main/index.ts',
      'renderer/src/App.vue',
      'test/main/packaging.test.ts',
      'out/node/cli.js',
      'out/main/index.js.map',
    ])
      expect(packs(path), path).toBe(false)
  })

  it('runs the fuses hook after packing, rebuilds nothing and publishes nothing', () => {
    expect(config.afterPack).toBe(afterPack)
    expect(config.npmRebuild).toBe(false)
    expect(config.publish).toBeNull()
  })

  it('fills the deb maintainer from COURIER_MAINTAINER, else the GitHub owner, else leaves it', () => {
    expect(debMaintainer({ COURIER_MAINTAINER: 'Ann <ann@example.org>' })).toBe(
      'Ann <ann@example.org>',
    )
    expect(debMaintainer({ GITHUB_REPOSITORY_OWNER: 'acme' })).toBe(
      'acme <acme@users.noreply.github.com>',
    )
    expect(debMaintainer({})).toBeNull()
  })
})

describe('the fuses', () => {
  const byName = (fuses: Record<number, boolean>) =>
    Object.fromEntries(Object.entries(fuses).map(([i, on]) => [FuseV1Options[Number(i)], on]))

  it('are exactly the six of the hardening checklist', () => {
    expect(byName(COURIER_FUSES)).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    })
  })

  it('redo the ad-hoc signature only for Apple silicon and universal macOS builds', () => {
    expect(courierFuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true)
    expect(courierFuseConfig('darwin', 'universal').resetAdHocDarwinSignature).toBe(true)
    expect(courierFuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false)
    expect(courierFuseConfig('linux', 'arm64').resetAdHocDarwinSignature).toBe(false)
    expect(courierFuseConfig('win32', 'x64')).toMatchObject(COURIER_FUSES)
  })
})

describe('the afterPack hook', () => {
  const at = { appOutDir: join('dist', 'x-unpacked'), productFilename: 'Courier' }

  it('finds the Electron binary where electron-builder puts it on each platform', () => {
    expect(electronBinaryPath({ ...at, platform: 'darwin' })).toBe(
      join('dist', 'x-unpacked', 'Courier.app', 'Contents', 'MacOS', 'Courier'),
    )
    expect(electronBinaryPath({ ...at, platform: 'mas' })).toBe(
      join('dist', 'x-unpacked', 'Courier.app', 'Contents', 'MacOS', 'Courier'),
    )
    expect(electronBinaryPath({ ...at, platform: 'win32' })).toBe(
      join('dist', 'x-unpacked', 'Courier.exe'),
    )
    expect(electronBinaryPath({ ...at, platform: 'linux', linuxExecutableName: 'courier' })).toBe(
      join('dist', 'x-unpacked', 'courier'),
    )
  })

  it('says what is wrong for an unknown platform or a Linux build without an executable name', () => {
    expect(() => electronBinaryPath({ ...at, platform: 'aix' })).toThrow(
      /platform "aix"; expected darwin, mas, win32 or linux/,
    )
    expect(() => electronBinaryPath({ ...at, platform: 'linux' })).toThrow(
      /no Linux executable name/,
    )
  })

  // A stand-in for Electron: its fuse wire (sentinel, version 1, 8 fuses) amid other bytes,
  // with fuse 6 off and fuse 7 on so that we see the hook leaves the others alone.
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  const wire = () =>
    Buffer.concat([
      Buffer.alloc(64, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('10100101'),
      Buffer.alloc(64, 9),
    ])
  const dir = mkdtempSync(join(tmpdir(), 'courier-afterpack-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const cases = [
    { platform: 'linux', fuseFile: ['courier'] },
    { platform: 'win32', fuseFile: ['Courier.exe'] },
    // @electron/fuses writes macOS fuses into the framework next to Contents/MacOS.
    {
      platform: 'darwin',
      fuseFile: [
        'Courier.app',
        'Contents',
        'Frameworks',
        'Electron Framework.framework',
        'Electron Framework',
      ],
    },
  ]
  for (const { platform, fuseFile } of cases) {
    it(`flips exactly the six fuses in a ${platform} build and leaves the others`, async () => {
      const appOutDir = join(dir, platform)
      const file = join(appOutDir, ...fuseFile)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, wire())
      const context = {
        appOutDir,
        electronPlatformName: platform,
        arch: Arch.x64,
        packager: { appInfo: { productFilename: 'Courier' }, executableName: 'courier' },
      } as unknown as AfterPackContext
      await afterPack(context)
      const bytes = readFileSync(file)
      const wireAt = bytes.indexOf(SENTINEL) + SENTINEL.length + 2
      // RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, integrity 1, asar only 1, then as were.
      const states = bytes.subarray(wireAt, wireAt + 8).toString('latin1')
      expect(states).toBe('01001101')
      expect(bytes.length).toBe(wire().length)
      expect(bytes.subarray(0, 64)).toEqual(Buffer.alloc(64, 7))
    })
  }

  it('names every fuse that is not set as it should be', async () => {
    const file = join(dir, 'unflipped')
    writeFileSync(file, wire())
    await expect(verifyFuses(file)).rejects.toThrow(
      /RunAsNode should be off, EnableCookieEncryption should be on, EnableNodeOptionsEnvironmentVariable should be off, EnableEmbeddedAsarIntegrityValidation should be on\./,
    )
  })
})
