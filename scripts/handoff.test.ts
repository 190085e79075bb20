import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackage, fingerprint, newKeyPair } from '../shared/handoff/package';

// The command a county clerk runs: `npm run handoff -- verify <file>`, built as the script builds it.
let dir = '';
const cli = 'dist-cli/index.cjs';
beforeAll(() => {
  execFileSync('npx', [
    'vite',
    'build',
    '--config',
    'vite.electron.config.ts',
    '--mode',
    'handoff',
    '--logLevel',
    'error',
  ]);
  dir = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-handoff-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = newKeyPair();
const good = createPackage({
  appVersion: '0.1.0',
  town: { id: 't1', name: '青山镇' },
  period: { from: '2026-01-01', to: '2026-10-31' },
  createdAt: '2026-11-28T10:00:00.000Z',
  tables: { villages: [{ id: 'v1', name: '张家村' }], problems: [] },
  files: { 'attachments/a1': new Uint8Array([1, 2, 3]) },
  secretKey: keys.secretKey,
});
const raw = unzipSync(good);

function run(name: string, data: Uint8Array) {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  const result = spawnSync('node', [cli, 'verify', file], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr.trim(), file };
}

describe('npm run handoff -- verify', () => {
  it('passes a good package and prints its summary and fingerprint', () => {
    const { status, out } = run('good.zip', good);
    expect(status).toBe(0);
    expect(out).toContain('乡镇：青山镇');
    expect(out).toContain('时间范围：2026-01-01 至 2026-10-31');
    expect(out).toContain(`签名指纹：${fingerprint(keys.publicKey)}`);
    expect(out).toContain('记录：村 1，整改问题 0');
  });

  const hostile: [string, Uint8Array, string][] = [
    ['not-zip.zip', strToU8('hello'), '这不是数据交换包（不是 zip 文件）。'],
    [
      'truncated.zip',
      good.slice(0, good.length - 40),
      '文件不完整（可能复制时中断了），请重新导出或重新复制。',
    ],
    [
      'changed.zip',
      zipSync({ ...raw, 'records/villages.json': strToU8('[{"id":"v1","name":"李家村"}]') }),
      '“records/villages.json”的内容与清单不符（SHA-256 不同），文件可能已损坏或被改动。',
    ],
    [
      'unsigned.zip',
      zipSync(Object.fromEntries(Object.entries(raw).filter(([n]) => n !== 'manifest.sig'))),
      '包没有签名（manifest.sig），无法确认来源。',
    ],
    [
      'escape.zip',
      zipSync({ ...raw, '../evil.txt': strToU8('x') }),
      '包里有不安全的文件名“../evil.txt”。',
    ],
    [
      'bomb.zip',
      zipSync({ ...raw, 'attachments/zeros': new Uint8Array(64 * 1024 * 1024) }),
      '“attachments/zeros”的压缩比异常（可能是压缩炸弹）。',
    ],
  ];
  it.each(hostile)('refuses %s with one line and exit code 1', (name, data, problem) => {
    const { status, err, file } = run(name, data);
    expect(status).toBe(1);
    expect(err).toBe(`不通过：${file}：${problem}`);
  });

  it('says how to use it when called wrongly', () => {
    const result = spawnSync('node', [cli], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('用法：npm run handoff -- verify');
  });
});
