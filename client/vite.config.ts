import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  // `@kezhuan/shared` resolves through the npm workspace symlink (node_modules/@kezhuan/shared → shared/),
  // whose package.json points at TypeScript source; Vite compiles it like our own files.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    // KEZHUAN_API points the dev server at another API, e.g. http://127.0.0.1:3300.
    proxy: { '/api': { target: process.env.KEZHUAN_API ?? 'http://127.0.0.1:3000', ws: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus is imported in full; one large vendor chunk is expected.
    chunkSizeWarningLimit: 1600,
  },
});
