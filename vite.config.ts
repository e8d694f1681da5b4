import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { ProxyOptions } from 'vite';

/** Where `npm run dev` runs the API server (server/dev.ts starts it on this port). */
const API_TARGET = `http://localhost:${process.env.PORT ?? 3000}`;

const toApi: ProxyOptions = {
  target: API_TARGET,
  changeOrigin: false,
  // The SSE stream (/api/events) must reach the browser event by event: never buffer or
  // compress it, and drop the upstream connection as soon as the browser goes away.
  configure(proxy) {
    proxy.on('proxyReq', (proxyReq, _req, res) => {
      res.on('close', () => {
        if (!res.writableFinished) proxyReq.destroy();
      });
    });
    proxy.on('proxyRes', (proxyRes) => {
      if (String(proxyRes.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        proxyRes.headers['cache-control'] = 'no-cache, no-transform';
        proxyRes.headers['x-accel-buffering'] = 'no';
      }
    });
  },
};

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': toApi,
      '/healthz': toApi,
      '/simulator': toApi,
      '/webhooks': toApi,
    },
  },
  preview: { port: 5173, strictPort: true },
});
