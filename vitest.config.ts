import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and start emulators; two cores are the norm here.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
