/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web app: built into dist/apps/web, which the API serves in production (one process, one port). */
export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // Every text file of the build (js, css, html, svg, json) also as .br and .gz, compressed once at
    // the highest level; the API serves the variant the browser accepts (app.setup.ts). Source maps
    // are not compressed (only developers fetch them).
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/], logLevel: 'silent' }),
  ],
  resolve: {
    alias: {
      '@trama/contracts': here('../../libs/contracts/src/index.ts'),
      '@trama/api-client': here('../../libs/api-client/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    port: 4300,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
