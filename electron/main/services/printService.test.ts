import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savePdfRequestSchema } from '@shared/ipc/schemas';
import { createFileService } from './fileService';
import { createPrintService, type PrintWindow } from './printService';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eco-desk-print-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode('%PDF-1.7 简报');

/** A window that becomes ready after `polls` checks (never when Infinity). */
function fakeWindow(polls: number, log: string[]): PrintWindow {
  let checks = 0;
  return {
    isReady: async () => (checks += 1) > polls,
    printToPdf: async ({ landscape }) => {
      log.push(`pdf landscape=${String(landscape)}`);
      return PDF;
    },
    close: () => log.push('closed'),
  };
}

function service(polls: number, log: string[], target: string | undefined) {
  const files = createFileService({
    dialogs: {
      showSaveDialog: async () => ({ canceled: target === undefined, filePath: target }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    defaultFolder: () => dir,
  });
  return createPrintService({
    openWindow: async (url) => {
      log.push(`open ${url}`);
      return fakeWindow(polls, log);
    },
    saveFile: (request) => files.saveFile(request),
    timeoutMs: 200,
    pollMs: 5,
  });
}

describe('printService', () => {
  it('waits for the page to be ready, prints it, closes the window and saves atomically', async () => {
    const log: string[] = [];
    const target = path.join(dir, '2026年10月通报.pdf');
    const result = await service(3, log, target).savePdf({
      route: '/print/briefing/2026-10',
      landscape: false,
      suggestedName: '2026年10月通报.pdf',
    });
    expect(result).toEqual({ status: 'saved', path: target });
    expect(log).toEqual([
      'open app://eco-desk/index.html#/print/briefing/2026-10',
      'pdf landscape=false',
      'closed',
    ]);
    expect(new Uint8Array(await readFile(target))).toEqual(PDF);
    expect(await readdir(dir)).toEqual(['2026年10月通报.pdf']);
  });

  it('gives up on a page that never gets ready, closes the window and writes nothing', async () => {
    const log: string[] = [];
    const result = await service(Infinity, log, path.join(dir, 'x.pdf')).savePdf({
      route: '/print/ledger',
      landscape: true,
      suggestedName: 'x.pdf',
    });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toContain('没有准备好');
    expect(log.at(-1)).toBe('closed');
    expect(await readdir(dir)).toEqual([]);
  });

  it('hands the PDF of an issued briefing back for a hand-off package, asking nothing and writing nothing', async () => {
    const log: string[] = [];
    const printed = await service(1, log, undefined).printPdf({
      route: '/print/briefing/issued/b1',
      landscape: false,
    });
    expect(printed).toEqual({ status: 'printed', data: PDF });
    expect(log).toEqual([
      'open app://eco-desk/index.html#/print/briefing/issued/b1',
      'pdf landscape=false',
      'closed',
    ]);
    expect(await readdir(dir)).toEqual([]);
    const late = await service(Infinity, [], undefined).printPdf({
      route: '/print/briefing/issued/b1',
      landscape: false,
    });
    expect(late).toEqual({
      status: 'failed',
      message: '打印页面在 0 秒内没有准备好，未生成 PDF。',
    });
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const result = await service(0, [], undefined).savePdf({
      route: '/print/notice/2026-10',
      landscape: false,
      suggestedName: 'x.pdf',
    });
    expect(result).toEqual({ status: 'canceled' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('savePdfRequestSchema', () => {
  it('accepts print routes only', () => {
    const ok = (route: string) =>
      savePdfRequestSchema.safeParse({ route, landscape: false, suggestedName: 'a.pdf' }).success;
    expect(ok('/print/briefing/2026-10')).toBe(true);
    expect(ok('/print/briefing/issued/6f1c-9a')).toBe(true);
    expect(ok('/print/ledger?f=%7B%22source%22%3A%22upper%22%7D')).toBe(true);
    expect(ok('/settings/town')).toBe(false);
    expect(ok('https://example.com/print/x')).toBe(false);
    expect(ok('/print/../settings')).toBe(false);
    expect(ok('/print/x"><script>')).toBe(false);
  });
});
