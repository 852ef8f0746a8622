import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Three projects: pure Node code, renderer components in happy-dom, and the end-to-end
// suite that drives the built UI in Chromium over the real web bridge.
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{shared,core,cli,web,main,conformance}/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores, and the suites share the servers they start.
          fileParallelism: false,
          // After the node and renderer projects, not beside them: the suites move 50-200 MB
          // through Chromium, the web host and the engine, which is all two cores can carry.
          // No test measures time; the long-task budgets are in `npm run bench -- large`.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
