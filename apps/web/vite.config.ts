/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

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
    // The installable app (docs/field-mode.md): manifest.webmanifest, and a Workbox service worker (sw.js)
    // that precaches the app shell, so the app starts offline after one visit. `prompt`: a new build
    // waits until the user accepts "Nuova versione disponibile" (a half-typed form is never reloaded
    // under them). Registered by the app itself (lib/offline/register-sw.ts), lazily: not in the login bundle.
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // the icons are in the precache by the glob below; listing them again would only repeat them
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Trama – innovatori metropolitani',
        short_name: 'Trama',
        description: 'Il lavoro degli innovatori metropolitani: attività, mappe e registri, anche senza rete.',
        lang: 'it',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b3d6b',
        background_color: '#ffffff',
        categories: ['productivity', 'government'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // the shell: every script, style, font and icon of the build (not the .br/.gz twins nor source maps)
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json}'],
        globIgnores: ['**/*.map', '**/*.br', '**/*.gz'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // any page of the app opens offline from the cached index.html; never the API, nor files the server owns
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
      },
    }),
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
