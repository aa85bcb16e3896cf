import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `<asset>.br` (brotli at quality 11, once per build) beside every hashed script, style and
 * SVG over 1 KB; the server sends it to browsers that accept brotli (server/src/lib/http-cache.ts).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kezhuan-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        const file = join(assets, name);
        if (/\.(js|css|svg)$/.test(name) && statSync(file).size > 1024) {
          writeFileSync(`${file}.br`, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [vue(), precompress()],
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
