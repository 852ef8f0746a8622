import type { Configuration } from 'electron-builder'
import afterPack from './build/afterPack'

// How `npm run dist` packages the desktop app (docs/release.md). electron-builder loads this
// file itself (`--config electron-builder.config.ts`); test/main/packaging.test.ts checks it
// against electron-builder's own schema.

/**
 * The deb's Maintainer field: COURIER_MAINTAINER ("Name <email>") if set; on GitHub Actions
 * the repository owner's no-reply address; otherwise null, and electron-builder falls back
 * to package.json's author (it stops with "Please specify author 'email'" when that is missing).
 */
export function debMaintainer(env: NodeJS.ProcessEnv): string | null {
  if (env.COURIER_MAINTAINER) return env.COURIER_MAINTAINER
  const owner = env.GITHUB_REPOSITORY_OWNER
  return owner ? `${owner} <${owner}@users.noreply.github.com>` : null
}

const config: Configuration = {
  appId: 'dev.courier.app',
  productName: 'Courier',
  directories: { output: 'dist', buildResources: 'build' },
  // Only what the app runs: electron-vite's main, preload and renderer bundles and
  // package.json (its "main" and version). Sources, tests, and out/node (the command line
  // and web host, which the app never loads) stay out. The production dependencies in
  // node_modules are added by electron-builder.
  files: ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'],
  asar: true,
  // libsql loads its native addon (@libsql/<platform>/index.node) with require(), which
  // cannot read a .node file from inside an asar archive.
  asarUnpack: ['node_modules/libsql/**', 'node_modules/@libsql/**'],
  // libsql ships prebuilt Node-API binaries (ABI-stable across Node and Electron): nothing
  // to rebuild, and @electron/rebuild would need a compiler and Node 22.
  npmRebuild: false,
  // Releases are uploaded by hand or by the CI workflow, never by electron-builder itself.
  publish: null,
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  afterPack,
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    gatekeeperAssess: false,
  },
  dmg: { artifactName: '${productName}-${version}-mac-${arch}.${ext}' },
  win: { target: ['nsis'] },
  nsis: {
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
    oneClick: false,
    allowToChangeInstallationDirectory: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    synopsis: 'Local-first REST client for testers',
    maintainer: debMaintainer(process.env),
  },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
}

export default config
