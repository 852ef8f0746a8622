import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { startChunkGroups } from './build/startChunks'
import { preloadAppChunks } from './build/preloadAppChunks'
import { zodSchemaNames } from './build/zodSchemaNames'

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    build: {
      // electron-vite leaves the renderer unminified by default; the page parses its
      // code on every start, so it ships minified (with source maps for error reports).
      minify: true,
      sourcemap: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // Unused zod schemas of shared/ stay out of the page (see zodSchemaNames).
        treeshake: { manualPureFunctions: zodSchemaNames(resolve('shared')) },
        // What the page runs at start in two chunks, not twenty (see startChunks.ts).
        output: {
          codeSplitting: {
            groups: startChunkGroups(
              resolve('renderer/src/main.ts'),
              resolve('renderer/src/startApp.ts'),
            ),
          },
        },
      },
    },
    plugins: [
      // Every component is <script setup>, and no library of ours uses the Options API: Vue's
      // code for it (~4.5 kB of the app chunk, evaluated at every start) is left out.
      vue({ features: { optionsAPI: false } }),
      preloadAppChunks('renderer/src/startApp.ts'),
    ],
  },
})
