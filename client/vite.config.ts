import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the browser console from client/ into client/dist (served by the
 * server at `/` with SPA fallback). In dev, /graphql (HTTP and WebSocket) and
 * the download routes are proxied to a server on port 4000 so the session
 * cookie stays same-origin.
 */
export default defineConfig({
  root,
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // Compile-time flags of Vue and vue-i18n: composition API only, no devtools in production.
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Two apps that share code but never import each other: the console (index.html) and the customer portal (portal.html, served under /portal).
    rollupOptions: {
      input: { console: fileURLToPath(new URL('./index.html', import.meta.url)), portal: fileURLToPath(new URL('./portal.html', import.meta.url)) },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
      '/portal/graphql': { target: 'http://127.0.0.1:4000', ws: true },
      '/portal/attachments': 'http://127.0.0.1:4000',
      // Downloads the server answers itself (with the session cookie): attachments, failed mails' raw copies and quotes as CSV.
      '/attachments': 'http://127.0.0.1:4000',
      '/failed-mails': 'http://127.0.0.1:4000',
      // Only the CSV of a quote is the server's; the console's own pages live under /billing.
      '^/quotes/[^/]+\\.csv$': 'http://127.0.0.1:4000',
    },
  },
});
