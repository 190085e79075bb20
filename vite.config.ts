import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The same policy the desktop protocol sends as a header (electron/main/protocol.ts). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Puts the CSP into the built page too, so the browser build runs under the same rules. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'eco-desk-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

/**
 * The app runs in Chromium only, which reads woff2: each @fontsource rule also names a .woff of
 * its subset as a fallback, which the build would otherwise copy (hundreds of files) unused.
 */
function woff2Only(): Plugin {
  return {
    name: 'eco-desk-woff2-only',
    enforce: 'pre',
    transform: (code, id) =>
      /[\\/]@fontsource[\\/].*\.css$/.test(id)
        ? code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
        : null,
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [woff2Only(), react(), contentSecurityPolicy()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
    // Never inline assets as data: URLs: the CSP allows fonts only from 'self', and small font
    // subsets inlined by default were refused (their glyphs fell back to a system font).
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1', port: 4310, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
});
