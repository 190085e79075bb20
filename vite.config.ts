import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { parseUnicodeRange, pointsOutside, unicodeRange } from './scripts/unicodeRange.mjs';

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

/** Each weight of the app's cut of Noto Sans SC (renderer/src/fonts) → the code points it claims. */
function cutPoints(): Map<number, Set<number>> {
  const css = readFileSync(new URL('./renderer/src/fonts/fonts.css', import.meta.url), 'utf8');
  const cut = new Map<number, Set<number>>();
  for (const [, weight, range] of css.matchAll(
    /font-weight: (\d+);[^}]*unicode-range: ([^;]+);/g,
  )) {
    cut.set(Number(weight), new Set(pointsOutside(parseUnicodeRange(range ?? ''), new Set())));
  }
  return cut;
}

/**
 * @fontsource's slices of Noto Sans SC, as the app loads them:
 * - the app runs in Chromium only, which reads woff2: each rule also names a .woff of its slice
 *   as a fallback, which the build would otherwise copy (hundreds of files) unused;
 * - a slice keeps only the characters the app's own cut lacks (renderer/src/fonts, loaded first),
 *   and a slice left with none is dropped: no character has two faces, so a page never loads a
 *   slice for what the cut draws, and `document.fonts.load` in print waits for the cut alone.
 */
function fontSlices(): Plugin {
  const cut = cutPoints();
  return {
    name: 'eco-desk-font-slices',
    enforce: 'pre',
    transform: (code, id) => {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
      const woff2 = code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '');
      return woff2.replace(/(\/\*[^*]*\*\/\s*)?@font-face\s*\{[^}]*\}/g, (face) => {
        const taken = cut.get(Number(/font-weight:\s*(\d+)/.exec(face)?.[1]));
        const range = /unicode-range:\s*([^;]+);/.exec(face);
        if (!taken || !range) return face;
        const left = pointsOutside(parseUnicodeRange(range[1]!), taken);
        return left.length === 0
          ? ''
          : face.replace(range[0], `unicode-range: ${unicodeRange(left)};`);
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [fontSlices(), react(), contentSecurityPolicy()],
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
