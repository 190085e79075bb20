import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFileService,
  FileExistsError,
  readFileLimited,
  writeFileAtomic,
  type FileDialogs,
} from './fileService';
import { DISK_MARGIN_BYTES, ensureFreeSpace, probeFreeBytes } from './diskService';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eco-desk-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

function dialogs(savePath: string | undefined, openPath?: string): FileDialogs {
  return {
    showSaveDialog: async () => ({ canceled: savePath === undefined, filePath: savePath }),
    showOpenDialog: async () => ({
      canceled: openPath === undefined,
      filePaths: openPath ? [openPath] : [],
    }),
  };
}

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file behind', async () => {
    const target = path.join(dir, '简报.txt');
    await writeFileAtomic(target, bytes('第一版'));
    expect(await readFile(target, 'utf8')).toBe('第一版');
    expect(await readdir(dir)).toEqual(['简报.txt']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'a.txt');
    await writeFile(target, 'old old old old');
    await writeFileAtomic(target, bytes('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the target untouched and no temporary file when the rename fails', async () => {
    // Renaming a file over a non-empty folder fails on every system.
    const blocked = path.join(dir, 'sub');
    await mkdir(path.join(blocked, 'x'), { recursive: true });
    await expect(writeFileAtomic(blocked, bytes('new'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['sub']);
    expect(await readdir(blocked)).toEqual(['x']);
  });

  it('with replace: false, never replaces a file that is there, and leaves no temporary file', async () => {
    const target = path.join(dir, 'a.zip');
    await writeFile(target, 'another package');
    const refused = writeFileAtomic(target, bytes('new'), { replace: false });
    await expect(refused).rejects.toBeInstanceOf(FileExistsError);
    await expect(refused).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('another package');
    expect(await readdir(dir)).toEqual(['a.zip']);
    await writeFileAtomic(path.join(dir, 'b.zip'), bytes('new'), { replace: false });
    expect(await readFile(path.join(dir, 'b.zip'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['a.zip', 'b.zip']);
  });

  it('keeps the mode asked for (the signing key: owner only)', async () => {
    const target = path.join(dir, 'key.json');
    await writeFileAtomic(target, bytes('{}'), { mode: 0o600, replace: false });
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('readFileLimited', () => {
  it('reads a file within the limit and refuses one over it without reading it', async () => {
    const file = path.join(dir, 'list.csv');
    await writeFile(file, '0123456789');
    const ok = await readFileLimited(file, 10);
    expect(ok.status).toBe('ok');
    expect(await readFileLimited(file, 9)).toEqual({ status: 'tooLarge', size: 10 });
  });
});

describe('ensureFreeSpace', () => {
  it('passes when size + 50 MB margin is free and refuses when it is not', async () => {
    const free = DISK_MARGIN_BYTES + 1000;
    await expect(ensureFreeSpace(dir, 1000, async () => free)).resolves.toBeUndefined();
    await expect(ensureFreeSpace(dir, 1001, async () => free)).rejects.toThrow(
      /not enough free space/,
    );
  });

  it('reads a real free-space figure from the file system', async () => {
    expect(await probeFreeBytes(dir)).toBeGreaterThan(0);
  });
});

describe('createFileService', () => {
  it('saves through the dialog with an atomic write', async () => {
    const target = path.join(dir, 'out.txt');
    const service = createFileService({ dialogs: dialogs(target), defaultFolder: () => dir });
    const result = await service.saveFile({ suggestedName: 'out.txt', data: bytes('内容') });
    expect(result).toEqual({ status: 'saved', path: target });
    expect(await readFile(target, 'utf8')).toBe('内容');
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const service = createFileService({ dialogs: dialogs(undefined), defaultFolder: () => dir });
    expect(await service.saveFile({ suggestedName: 'x.txt', data: bytes('x') })).toEqual({
      status: 'canceled',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to write on a full disk, in Chinese, and leaves the old file', async () => {
    const target = path.join(dir, 'out.txt');
    await writeFile(target, '旧内容');
    const service = createFileService({
      dialogs: dialogs(target),
      defaultFolder: () => dir,
      probe: async () => 10 * 1024 * 1024,
    });
    const result = await service.saveFile({ suggestedName: 'out.txt', data: bytes('新内容') });
    expect(result.status).toBe('failed');
    if (result.status === 'failed') {
      expect(result.reason).toBe('diskFull');
      expect(result.message).toContain('磁盘空间不足');
    }
    expect(await readFile(target, 'utf8')).toBe('旧内容');
  });

  it('reports a place it cannot write to, in Chinese, and writes nothing there', async () => {
    // A "folder" that is a file: no one, root included, can write inside it.
    const blocker = path.join(dir, '不是文件夹');
    await writeFile(blocker, '原内容');
    const target = path.join(blocker, 'x.txt');
    const service = createFileService({
      dialogs: dialogs(target),
      defaultFolder: () => dir,
      probe: async () => 10 * 1024 ** 3,
    });
    const result = await service.saveFile({ suggestedName: 'x.txt', data: bytes('x') });
    expect(result).toEqual({
      status: 'failed',
      reason: 'writeError',
      message: `无法写入“${target}”：请确认该位置可写、文件没有被其他程序打开。`,
    });
    expect(await readFile(blocker, 'utf8')).toBe('原内容');
    expect(await readdir(dir)).toEqual(['不是文件夹']);
  });

  it('opens a file and refuses one over the limit with its size in the message', async () => {
    const file = path.join(dir, '村名单.csv');
    await writeFile(file, '张家村\n李家村\n');
    const service = createFileService({
      dialogs: dialogs(undefined, file),
      defaultFolder: () => dir,
    });
    const opened = await service.openFile({ maxBytes: 1000 });
    expect(opened.status).toBe('opened');
    if (opened.status === 'opened') {
      expect(opened.name).toBe('村名单.csv');
      expect(new TextDecoder().decode(opened.data)).toBe('张家村\n李家村\n');
    }
    const refused = await service.openFile({ maxBytes: 5 });
    expect(refused.status).toBe('failed');
    if (refused.status === 'failed') expect(refused.message).toContain('超过了');
  });

  it('picks several files, reads each by its token alone, and forgets them at the next pick', async () => {
    const files = ['青山镇.zip', '绿水镇.zip'].map((n) => path.join(dir, n));
    await writeFile(files[0]!, '青山');
    await writeFile(files[1]!, '绿水镇的包');
    const asked: unknown[] = [];
    const service = createFileService({
      dialogs: {
        showSaveDialog: () => Promise.resolve({ canceled: true }),
        showOpenDialog: (options) => {
          asked.push(options.properties);
          return Promise.resolve({ canceled: false, filePaths: files });
        },
      },
      defaultFolder: () => dir,
    });
    const picked = await service.pickFiles({ filters: [{ name: '包', extensions: ['zip'] }] });
    expect(asked).toEqual([['openFile', 'multiSelections']]);
    if (picked.status !== 'picked') throw new Error('not picked');
    expect(picked.files.map((f) => [f.name, f.size])).toEqual([
      ['青山镇.zip', 6],
      ['绿水镇.zip', 15],
    ]);
    const second = await service.readPickedFile(picked.files[1]!.token, 1000);
    expect(second.status === 'opened' && new TextDecoder().decode(second.data)).toBe('绿水镇的包');
    expect((await service.readPickedFile(picked.files[1]!.token, 4)).status).toBe('failed');
    // A token the pick did not give reads nothing, whatever it names.
    expect(await service.readPickedFile('00000000-0000-4000-8000-000000000000', 1000)).toEqual({
      status: 'failed',
      reason: 'readError',
      message: '这个文件已不在所选的文件中，请重新选择。',
    });
    await service.pickFiles({});
    const old = await service.readPickedFile(picked.files[0]!.token, 1000);
    expect(old.status).toBe('failed');
  });
});
