import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the main process, the preload and the hand-off command line as single CommonJS files.
 * Run once per entry (`--mode main`, `--mode preload`, `--mode handoff`): a sandboxed preload may
 * not require any other file, so it must never share a chunk with the main process.
 */
const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  handoff: 'scripts/handoff.ts',
} as const;
const outDirs = {
  main: 'dist-electron/main',
  preload: 'dist-electron/preload',
  handoff: 'dist-cli',
};

export default defineConfig(({ mode }) => {
  const name = mode as keyof typeof entries;
  if (!(name in entries))
    throw new Error(`--mode must be one of ${Object.keys(entries).join(', ')}`);
  return {
    resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
    build: {
      outDir: outDirs[name],
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      ssr: entries[name],
      rollupOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
});
