/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// The edge the dev server forwards to; the built UI is served by sse-edge itself, so it is same-origin there.
const edge = process.env.LISTCAST_EDGE_URL ?? 'http://127.0.0.1:8080'
// Streams have a port of their own: forwarded there directly, the page stays same-origin with them too.
const streams = process.env.LISTCAST_STREAM_URL ?? 'http://127.0.0.1:8081'

export default defineConfig({
  plugins: [vue()],
  build: {
    // Maven points this at target/classes/listcast-web so the jar carries the UI (see pom.xml).
    outDir: process.env.LISTCAST_WEB_OUT_DIR ?? 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api/listings/stream': { target: streams, changeOrigin: true },
      '/api': { target: edge, changeOrigin: true },
      '/observe': { target: edge, changeOrigin: true },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
})
