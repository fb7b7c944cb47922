import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = 'dist-widget';
const shared: InlineConfig = {
  root,
  configFile: false,
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  logLevel: 'warn',
  publicDir: false,
};

/**
 * Builds the embeddable widget into client/dist-widget (apart from client/dist, which the
 * console's build empties): `widget.js`, the loader every page of a customer's site runs (one
 * classic script, IIFE, no framework, target under 10 KB gzipped, see bench/widget-size.mjs), and
 * `widget-form.js`, the form as an ES module the loader imports when the visitor opens it. The
 * server serves both with CORS `*`.
 */
export default defineConfig({
  ...shared,
  configFile: undefined,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: 'src/apps/widget/loader.ts', formats: ['iife'], name: 'TresenWidget', fileName: () => 'widget.js' },
  },
  plugins: [
    {
      name: 'tresen-widget-form',
      apply: 'build',
      // One `vite build --config` builds both: the form after the loader, into the same folder.
      async closeBundle() {
        await build({
          ...shared,
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2020',
            minify: true,
            lib: { entry: 'src/apps/widget/form.ts', formats: ['es'], fileName: () => 'widget-form.js' },
          },
        });
      },
    },
  ],
});
