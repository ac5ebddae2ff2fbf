import { defineConfig } from 'vitest/config';
import { withBackends } from '../../vitest.shared.js';

export default defineConfig(withBackends());
