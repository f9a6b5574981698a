import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const alias = { '@contract': resolve(import.meta.dirname, 'src-main/contract') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          // The desktop shell, and the CLI that runs core + the web bridge.
          main: resolve(import.meta.dirname, 'src-main/desktop/main.ts'),
          cli: resolve(import.meta.dirname, 'src-main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'src-main/desktop/preload.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      // The web bridge serves this over HTTP: keep it small.
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
    },
  },
});
