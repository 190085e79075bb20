import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackupService } from './backupService';

// A process killed (SIGKILL: no handler, no cleanup) in the middle of writing a 200 MB file, on a
// real folder: the target is the old file or the new one, never part of either. (A power cut
// also loses what the system had not yet flushed; writeFileAtomic's fsyncs are for that, and no
// test here can pull the plug.)
const SIZE = 200 * 1024 * 1024;
let dir = '';
let writer = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-crash-'));
  // The child runs the app's own code, bundled as the main process is (vite.electron.config.ts).
  await build({
    configFile: false,
    logLevel: 'error',
    resolve: { alias: { '@shared': path.resolve('shared') } },
    build: {
      outDir: path.join(dir, 'bin'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      ssr: 'electron/main/services/crashWriter.ts',
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: 'crashWriter.cjs' },
      },
    },
    ssr: { noExternal: true },
  });
  writer = path.join(dir, 'bin', 'crashWriter.cjs');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The size of the largest temporary file in `folder`, 0 if none. The writer may rename a
 * temporary file between the listing and its stat: a file gone by then counts as none.
 */
function tempBytes(folder: string): number {
  let largest = 0;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.tmp')) continue;
    const stat = statSync(path.join(folder, name), { throwIfNoEntry: false });
    if (stat) largest = Math.max(largest, stat.size);
  }
  return largest;
}

/**
 * Runs the writer and kills it with SIGKILL once its temporary file in `watch` has `killAt`
 * bytes (Infinity: never). Resolves with how it ended.
 */
function runWriter(
  args: string[],
  watch: string,
  killAt: number,
): Promise<{ killed: boolean; done: boolean; tempAtKill: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [writer, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let tempAtKill = 0;
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const poll = setInterval(() => {
      const bytes = tempBytes(watch);
      if (bytes >= killAt && tempAtKill === 0) {
        tempAtKill = bytes;
        child.kill('SIGKILL');
      }
    }, 1);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve({ killed: signal === 'SIGKILL', done: out.includes('done'), tempAtKill });
    });
  });
}

/** What a file holds: the old bytes, the new ones, or something else (a torn write). */
function contentOf(file: string, old: Buffer): 'old' | 'new' | 'torn' {
  const bytes = readFileSync(file);
  if (bytes.equals(old)) return 'old';
  if (bytes.length === SIZE && bytes.equals(Buffer.alloc(SIZE, 'N'))) return 'new';
  return 'torn';
}

describe('writeFileAtomic killed mid-write (200 MB, a child process, SIGKILL)', () => {
  const old = Buffer.from('第一版：旧的台账导出。'.repeat(1000));

  it('killed while the bytes are being written: the old file, whole', async () => {
    const folder = path.join(dir, 'mid');
    mkdirSync(folder);
    const target = path.join(folder, '台账.zip');
    writeFileSync(target, old);
    const run = await runWriter(['file', target, String(SIZE)], folder, SIZE / 4);
    expect(run).toMatchObject({ killed: true, done: false });
    expect(run.tempAtKill).toBeLessThan(SIZE);
    expect(contentOf(target, old)).toBe('old');
  }, 30_000);

  it('killed once the temporary file is whole (flushing, renaming): old or new, never part', async () => {
    const folder = path.join(dir, 'late');
    mkdirSync(folder);
    const target = path.join(folder, '台账.zip');
    writeFileSync(target, old);
    const run = await runWriter(['file', target, String(SIZE)], folder, SIZE);
    expect(run.done || run.killed).toBe(true);
    expect(['old', 'new']).toContain(contentOf(target, old));
  }, 30_000);

  it('not killed: the new file, and no temporary file left', async () => {
    const folder = path.join(dir, 'whole');
    mkdirSync(folder);
    const target = path.join(folder, '台账.zip');
    writeFileSync(target, old);
    const run = await runWriter(['file', target, String(SIZE)], folder, Infinity);
    expect(run).toMatchObject({ killed: false, done: true });
    expect(contentOf(target, old)).toBe('new');
    expect(readdirSync(folder)).toEqual(['台账.zip']);
  }, 30_000);
});

describe('a backup killed mid-write (200 MB)', () => {
  it('leaves no backup that is part of one: the earlier backups listed and whole, the torn one not listed', async () => {
    const dataFolder = path.join(dir, 'data');
    const backups = createBackupService({
      dataFolder,
      probe: () => Promise.resolve(2 ** 40),
      now: () => new Date('2026-11-01T08:00:00Z'),
    });
    const earlier = Buffer.from('一份完整的旧备份');
    expect(await backups.writeBackup('manual', earlier)).toMatchObject({ status: 'saved' });
    const before = await backups.listBackups();
    const run = await runWriter(['backup', dataFolder, String(SIZE)], backups.folder, SIZE / 4);
    expect(run).toMatchObject({ killed: true, done: false });
    // The torn temporary file is there, but never listed, read or offered for a restore.
    expect(tempBytes(backups.folder)).toBeGreaterThan(0);
    expect(await backups.listBackups()).toEqual(before);
    const read = await backups.readBackup(before[0]!.name);
    expect(read.status === 'opened' && Buffer.from(read.data).equals(earlier)).toBe(true);
  }, 30_000);
});
