import { execFileSync, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handMadePackage } from '../shared/handoff/handMadeZip';
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

function run(name: string, data: Uint8Array, options: string[] = []) {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  const result = spawnSync('node', [cli, 'verify', ...options, file], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr.trim(), file };
}

/** Anything a terminal would act on rather than show (a line break ends a line, and is allowed). */
const ACTS =
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('npm run handoff -- verify', () => {
  it('says a county’s feedback list is one, not a town’s data', () => {
    const county = newKeyPair();
    const list = createPackage({
      appVersion: '0.1.0',
      town: { id: 't1', name: '青山镇' },
      period: { from: '2026-12', to: '2026-12' },
      createdAt: '2026-12-02T02:00:00.000Z',
      tables: {},
      files: { 'feedback/督查反馈清单-青山镇-1号.xlsx': new Uint8Array([80, 75, 3, 4]) },
      secretKey: county.secretKey,
      feedback: {
        county: '绿水县',
        batch: '绿水县环督〔2026〕12号',
        items: 3,
        sheet: 'feedback/督查反馈清单-青山镇-1号.xlsx',
      },
    });
    const { status, out } = run('feedback.zip', list);
    expect(status).toBe(0);
    expect(out).toContain(
      '内容：绿水县给该镇的督查反馈清单（绿水县环督〔2026〕12号，3 个问题），不是乡镇的数据交换包',
    );
  });

  it('passes a good package and prints its summary and fingerprint', () => {
    const { status, out } = run('good.zip', good);
    expect(status).toBe(0);
    expect(out).toContain('乡镇：青山镇');
    expect(out).toContain('时间范围：2026-01-01 至 2026-10-31');
    expect(out).toContain(`签名指纹：${fingerprint(keys.publicKey)}`);
    expect(out).toContain('记录：村 1，整改问题 0');
  });

  it('checks a county desk’s backup whose records are in parts (format 3), and a part missing', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ key: `t|problems|${i}`, row: { i } }));
    const backup = createPackage({
      appVersion: '0.1.0',
      town: { id: 'county', name: '绿水县（县级工作台）' },
      period: { from: '2017-01', to: '2026-11' },
      createdAt: '2026-12-03T10:00:00.000Z',
      tables: { countyRecords: rows },
      files: {},
      secretKey: keys.secretKey,
      backup: true,
      partBytes: 10_000,
    });
    const { status, out } = run('county-backup.zip', backup);
    expect(status).toBe(0);
    expect(out).toContain('格式第 3 版');
    expect(out).toMatch(/记录：乡镇报来的数据 2000（分 \d+ 段）/);
    const entries = unzipSync(backup);
    delete entries['records/countyRecords.2.json'];
    const missing = run('county-backup-part-missing.zip', zipSync(entries));
    expect(missing.status).toBe(1);
    expect(missing.err).toBe(
      `不通过：${missing.file}：清单上的文件“records/countyRecords.2.json”不在包里。`,
    );
  });

  it('without --expect-fingerprint says plainly that the signer was not checked', () => {
    const { status, out } = run('unpinned.zip', good);
    expect(status).toBe(0);
    expect(out).toContain(
      '签名人：未核对。没有给出 --expect-fingerprint，任何密钥签的包都会通过：这只说明包在签名后没有被改动，不说明是哪台电脑签的。',
    );
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

  describe('--expect-fingerprint', () => {
    const expected = fingerprint(keys.publicKey);
    // The same contents claiming 青山镇, signed by another installation's key.
    const other = newKeyPair();
    const forged = createPackage({
      appVersion: '0.1.0',
      town: { id: 't1', name: '青山镇' },
      period: { from: '2026-01-01', to: '2026-10-31' },
      createdAt: '2026-11-28T10:00:00.000Z',
      tables: { villages: [{ id: 'v1', name: '张家村' }], problems: [] },
      files: { 'attachments/a1': new Uint8Array([1, 2, 3]) },
      secretKey: other.secretKey,
    });

    it('passes the package signed by the expected key, and says it matched', () => {
      const { status, out } = run('pinned.zip', good, ['--expect-fingerprint', expected]);
      expect(status).toBe(0);
      expect(out).toContain(`签名指纹：${expected}（与 --expect-fingerprint 一致）`);
      expect(out).not.toContain('未核对');
    });

    it('takes the fingerprint as typed: lower case, without spaces, after =', () => {
      const typed = expected.replace(/ /g, '').toLowerCase();
      expect(run('typed.zip', good, [`--expect-fingerprint=${typed}`]).status).toBe(0);
      expect(run('typed2.zip', good, ['--expect-fingerprint', ` ${typed} `]).status).toBe(0);
    });

    it('refuses a package signed by any other key: exit 1, one line naming both fingerprints', () => {
      const { status, out, err, file } = run('forged.zip', forged, [
        '--expect-fingerprint',
        expected,
      ]);
      expect(status).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(
        `不通过：${file}：签名指纹不符：包的签名指纹是 ${fingerprint(other.publicKey)}，应为 ${expected}（--expect-fingerprint），这个包不是那台电脑签的。`,
      );
      // Without the option the same package passes: only pinning tells who signed it.
      expect(run('forged-unpinned.zip', forged).status).toBe(0);
    });

    it('a bad package is still refused for its own problem first', () => {
      const { status, err } = run(
        'changed-pinned.zip',
        zipSync({ ...raw, 'records/villages.json': strToU8('[]') }),
        ['--expect-fingerprint', expected],
      );
      expect(status).toBe(1);
      expect(err).toMatch(/：“records\/villages\.json”的大小与清单不符。$/);
    });

    it.each([['ABCD'], [`${expected} 0000`], ['G'.repeat(32)], ['']])(
      'refuses a fingerprint that is not 32 hex digits (%j) with exit code 2',
      (typed) => {
        const { status, err } = run('bad-option.zip', good, ['--expect-fingerprint', typed]);
        expect(status).toBe(2);
        expect(err).toContain('--expect-fingerprint 应是 32 位十六进制数字');
      },
    );
  });

  describe('what a package or a file name could do to the terminal', () => {
    it('a town name with a carriage return and escape sequences: refused, printed written out', () => {
      // Would print “通过” over the line above and colour it, were it printed raw.
      const town = { id: 't1', name: '青山镇\r\u001b[1A\u001b[2K\u001b[32m通过：伪造' };
      const data = handMadePackage({
        secretKey: keys.secretKey,
        files: { 'records/villages.json': strToU8('[]') },
        manifest: (m) => ({ ...m, town }),
      });
      const { status, out, err, file } = run('town.zip', data);
      expect(status).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(
        `不通过：${file}：清单文件（manifest.json）的“town.name”含控制字符或双向文字控制符。`,
      );
    });

    it('an entry name with a bidi override: refused, the name written out', () => {
      const data = handMadePackage({
        secretKey: keys.secretKey,
        files: {
          'records/villages.json': strToU8('[]'),
          'attachments/photo\u202egpj.exe': strToU8('MZ'),
        },
      });
      const { status, err } = run('bidi.zip', data);
      expect(status).toBe(1);
      expect(err).toContain(
        '：包里有文件名含控制字符或双向文字控制符：“attachments/photo\\u202Egpj.exe”。',
      );
      expect(err).not.toMatch(ACTS);
    });

    it('a file name with control characters is written out, passed or refused', () => {
      const name = 'evil\u001b]0;title\u0007\r通过.zip';
      const passed = run(name, good);
      expect(passed.status).toBe(0);
      expect(passed.out).not.toMatch(ACTS);
      expect(passed.out).toContain('evil\\u001B]0;title\\u0007\\u000D通过.zip');
      const refused = run(`bad-${name}`, strToU8('hello'));
      expect(refused.status).toBe(1);
      expect(refused.err).not.toMatch(ACTS);
      expect(refused.err.split('\n')).toHaveLength(1);
    });
  });

  /** The verifier run on a file, and the peak of its own memory in MiB (Linux's VmHWM). */
  function peakOf(name: string, data: Uint8Array) {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    const rssFile = path.join(dir, `${name}.rss`);
    const preload = path.join(dir, 'rss.cjs');
    writeFileSync(
      preload,
      // VmHWM, the peak of this program's own memory (getrusage's maxRSS also counts the test
      // process it was forked from).
      `process.on('exit', () => { const fs = require('node:fs'); fs.writeFileSync(process.env.RSS_FILE, /VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); });`,
    );
    const result = spawnSync('node', ['-r', preload, cli, 'verify', file], {
      encoding: 'utf8',
      env: { ...process.env, RSS_FILE: rssFile },
    });
    return { ...result, peakMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  }

  it.skipIf(process.platform !== 'linux')(
    'checks a package far larger than the memory it takes: read from disk piece by piece',
    () => {
      // 128 MiB of photos (random bytes, stored as a JPEG is): before, the whole file was read and
      // every entry held once more, about twice the package in memory.
      const photos = Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [
          `attachments/p${i}`,
          randomFillSync(new Uint8Array(16 * 1024 * 1024)),
        ]),
      );
      const big = handMadePackage({
        secretKey: keys.secretKey,
        files: { 'records/villages.json': strToU8('[]'), ...photos },
        zip: (entries) =>
          entries.map((e) => (e.name.startsWith('attachments/') ? { ...e, method: 0 } : e)),
      });
      const result = peakOf('big.zip', big);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        `文件：9 个，共 ${8 * 16 * 1024 * 1024 + 2} 字节，SHA-256 全部一致`,
      );
      // Node itself takes about 40–60 MiB; the package's 128 MiB never comes in whole.
      expect(result.peakMiB).toBeLessThan(110);
    },
    60_000,
  );

  it.skipIf(process.platform !== 'linux')(
    'counts the rows of a records file of 100 MiB without holding it: one row at a time',
    () => {
      // 2.6 million rows of 40 bytes. Before, the file was held whole, decoded into one string
      // of as many characters and parsed at once: 100 + 100 MiB and the rows, some 600 MiB.
      const hex = Buffer.from(randomFillSync(new Uint8Array(8 * 2_600_000))).toString('hex');
      const rows = Array.from({ length: 2_600_000 }, (_, i) => ({
        id: `r${i}`,
        v: hex.slice(i * 16, i * 16 + 16),
      }));
      const big = createPackage({
        appVersion: '0.1.0',
        town: { id: 't1', name: '青山镇' },
        period: { from: '2026-01', to: '2026-10' },
        createdAt: '2026-11-28T10:00:00.000Z',
        tables: { problems: rows },
        files: {},
        secretKey: keys.secretKey,
      });
      const result = peakOf('rows.zip', big);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/记录：\S+ 2600000/);
      console.info(
        `rows.zip: ${big.length} bytes, the verifier's peak ${Math.round(result.peakMiB)} MiB`,
      );
      expect(result.peakMiB).toBeLessThan(150);
    },
    120_000,
  );

  it('says how to use it when called wrongly', () => {
    const result = spawnSync('node', [cli], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('用法：npm run handoff -- verify [--expect-fingerprint');
    for (const args of [
      ['verify'],
      ['verify', 'a.zip', 'b.zip'],
      ['verify', '--expect-fingerprint'],
    ]) {
      const wrong = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
      expect(wrong.status).toBe(2);
    }
    const unknown = spawnSync('node', [cli, 'verify', '--pin', 'x', 'a.zip'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('不认识的选项 --pin');
  });
});
