// The bench page: built into dist/chrome-bench/bench only (a copy of dist/chrome), never into dist/chrome.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../dist/chrome-bench/bench'),
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
  },
});
