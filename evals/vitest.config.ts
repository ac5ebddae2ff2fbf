import { defineConfig } from 'vitest/config';
import { shared } from '../vitest.shared.js';

export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    include: ['src/**/*.test.ts'],
    // One task seeds with Python clients and makes several calls; starting and seeding the four
    // servers once takes most of a minute on a busy machine.
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
