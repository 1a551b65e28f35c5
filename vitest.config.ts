import { defineConfig } from 'vitest/config';

// One runner, four projects. `npm test` runs them all; each can run alone with --project.
// tests/ mirrors the source tree; a project is a kind of test, chosen by folder:
//   unit        tests/shared, tests/renderer: pure code, no I/O
//   integration tests/electron (core, cli, web, main), tests/build, tests/scripts, tests/tooling:
//               real files, SQLite, git, processes
//   corpus      tests/corpus: the real spec folders of ../shared/corpus
//   e2e         tests/e2e: the real UI in Chromium
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/shared/**/*.test.ts', 'tests/renderer/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['tests/electron/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/tooling/**/*.test.ts'], environment: 'node', testTimeout: 30_000, expect: { poll: { timeout: 10_000 } } } },
      { test: { name: 'corpus', include: ['tests/corpus/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for a condition; its 1 s default failed a first paint at load 17
          // (tests/README: wait with generous timeouts). A condition that never holds still fails.
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
