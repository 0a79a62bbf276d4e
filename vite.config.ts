/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The Content-Security-Policy of the production build (a <meta> tag, so any static host serves it). Only what the
 * designer loads itself: its own scripts, styles, fonts and workers, and no other origin; `object-src`,
 * `base-uri` and `form-action` shut. Each allowance has a reason:
 * - `script-src 'unsafe-eval'`: Ajv compiles JSON schemas (message models, the AsyncAPI schema) to functions with
 *   `new Function` (ajv.js.org/security.html, "Content Security Policy"); the schemas are the user's, so they
 *   cannot be precompiled.
 * - `style-src 'unsafe-inline'`: React Flow and Monaco position things with style attributes, and Monaco adds
 *   <style> elements for its themes and decorations.
 * - `img-src data: blob:`, `font-src data:`: the inline favicon, Monaco's codicon font, exported diagram images.
 * - `connect-src https: localhost`: the Live panel calls the design's HTTP integrations and a local
 *   `socket-studio serve` over WebSocket.
 * The dev server is left without it: Vite's hot reload injects inline scripts.
 * (Directive reference: developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* ws://localhost:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'socket-studio-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  }
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    // Monaco is loaded lazily and is large on its own; the warning is about that chunk, not the initial bundle.
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
})
