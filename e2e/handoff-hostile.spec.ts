import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { handMadePackage, type HandMadeEntry } from '../shared/handoff/handMadeZip';
import { createPackage, newKeyPair } from '../shared/handoff/package';
import { completeSetup } from './helpers';

// Packages a county or a stick might hand back: each is refused by the import screen with its
// own sentence, and nothing is written.
const keys = newKeyPair();
const good = createPackage({
  appVersion: '0.1.0',
  town: { id: 't-other', name: '别的镇' },
  period: { from: '2026-01', to: '2026-10' },
  createdAt: '2026-11-01T00:00:00.000Z',
  tables: { villages: [{ id: 'v-other', name: '外村', updatedAt: '2026-11-01T00:00:00.000Z' }] },
  files: {},
  secretKey: keys.secretKey,
});
const raw = unzipSync(good);
const without = (name: string) =>
  Object.fromEntries(Object.entries(raw).filter(([n]) => n !== name));

/** Packages written byte by byte from the public format (handMadeZip.ts), signed correctly. */
const handMade = (
  change: Pick<Parameters<typeof handMadePackage>[0], 'manifest' | 'zip'>,
  files: Record<string, Uint8Array> = {},
) =>
  handMadePackage({
    secretKey: keys.secretKey,
    files: { 'records/villages.json': strToU8('[]'), ...files },
    ...change,
  });
const renamedLocally = (entries: HandMadeEntry[]) =>
  entries.map((e) => (e.name === 'attachments/a1' ? { ...e, localName: 'run.exe' } : e));

const manyMegabytes = handMade(
  {},
  Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [`attachments/z${i}`, new Uint8Array(1 << 20)]),
  ),
);

const inflatedBytes = (zip: Uint8Array) =>
  Object.values(unzipSync(zip)).reduce((sum, bytes) => sum + bytes.length, 0);

const HOSTILE: [string, Uint8Array, string][] = [
  ['not-a-zip.zip', strToU8('这不是包'), '这不是数据交换包（不是 zip 文件）。'],
  ['no-manifest.zip', zipSync(without('manifest.json')), '包里没有清单文件（manifest.json）。'],
  ['unsigned.zip', zipSync(without('manifest.sig')), '包没有签名（manifest.sig），无法确认来源。'],
  [
    'changed.zip',
    // Same length, one character changed: only the hash can tell.
    zipSync({
      ...raw,
      'records/villages.json': strToU8(
        new TextDecoder().decode(raw['records/villages.json']).replace('外村', '内村'),
      ),
    }),
    '“records/villages.json”的内容与清单不符（SHA-256 不同），文件可能已损坏或被改动。',
  ],
  [
    'shorter.zip',
    zipSync({ ...raw, 'records/villages.json': strToU8('[]') }),
    '“records/villages.json”的大小与清单不符。',
  ],
  ['extra.zip', zipSync({ ...raw, 'run.exe': strToU8('MZ') }), '包里有清单上没有的文件“run.exe”。'],
  [
    'escape.zip',
    zipSync({ ...raw, '../../evil': strToU8('x') }),
    '包里有不安全的文件名“../../evil”。',
  ],
  [
    'bomb.zip',
    zipSync({ ...raw, 'attachments/zeros': new Uint8Array(64 * 1024 * 1024) }),
    '“attachments/zeros”的压缩比异常（可能是压缩炸弹）。',
  ],
  [
    'terminal.zip',
    handMade({ manifest: (m) => ({ ...m, town: { id: 't', name: '别的镇\r\u001b[2K通过' } }) }),
    '清单文件（manifest.json）的“town.name”含控制字符或双向文字控制符。',
  ],
  [
    'bidi.zip',
    handMade({}, { 'attachments/photo\u202egpj.exe': strToU8('MZ') }),
    '包里有文件名含控制字符或双向文字控制符：“attachments/photo\\u202Egpj.exe”。',
  ],
  [
    'folder.zip',
    handMade({
      zip: (entries) => [...entries, { name: 'attachments/', data: new Uint8Array(0), method: 0 }],
    }),
    '包里有文件夹条目“attachments/”（数据交换包里只有文件）。',
  ],
  [
    'local-name.zip',
    handMade({ zip: renamedLocally }, { 'attachments/a1': strToU8('a') }),
    '包里“attachments/a1”的文件头与 zip 目录不一致（名字、压缩方式或大小不同），别的解压工具会读出另一个文件。',
  ],
  [
    'many-megabytes.zip',
    manyMegabytes,
    // 20 entries of 1 MiB (each at the per-entry check's edge) and the rest, all inflated (as
    // fflate reads them), against the file's size.
    `包解压后的总大小是包本身的 ${Math.round(inflatedBytes(manyMegabytes) / manyMegabytes.length)} 倍（最多 100 倍），可能是压缩炸弹。`,
  ],
];

test('hostile packages are refused on the import screen, each by name, and nothing is written', async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村'] });
  await page.goto('/#/handoff');
  for (const [name, data, problem] of HOSTILE) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (
      await chooser
    ).setFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(data) });
    await expect(page.getByTestId('import-problem')).toHaveText(`《${name}》不能导入：${problem}`);
    await expect(page.getByTestId('import-review')).toHaveCount(0);
  }
  // Nothing came in: the village list is as set up.
  await page.goto('/#/settings/villages');
  await expect(page.getByText('外村')).toHaveCount(0);
  await expect(page.getByText('张家村').first()).toBeVisible();
});
