import { expect, test } from '@playwright/test';
import { createPackage, HANDOFF_VERSION, newKeyPair } from '../shared/handoff/package';
import { completeSetup, snap } from './helpers';
import { storeCounts } from './office';

/**
 * Packages whose zip, hashes and signature are all in order but whose records are not what the
 * app writes: an extra field, a history entry forged onto a chain, a town record. Each is refused
 * on the import screen by name, and nothing of it is written (issue 15 §3).
 */
const keys = newKeyPair();
const NOW = '2026-11-01T00:00:00.000Z';
const village = { id: 'v-new', name: '外村', order: 9, secretary: '', contact: '', groups: [] };
const stamps = { createdAt: NOW, updatedAt: NOW, updatedBy: '别人' };

function packageOf(tables: Record<string, unknown[]>) {
  return createPackage({
    appVersion: '0.1.0',
    town: { id: 'town', name: '青山镇' },
    period: { from: '2026-01', to: '2026-10' },
    createdAt: NOW,
    tables,
    files: {},
    secretKey: keys.secretKey,
  });
}

const CASES: [string, Uint8Array, RegExp][] = [
  [
    'extra-field.zip',
    packageOf({ villages: [{ ...village, ...stamps, remark: '多出来的字段' }] }),
    /村 v-new.*remark/,
  ],
  [
    'forged-entry.zip',
    packageOf({
      villages: [{ ...village, ...stamps }],
      audit: [
        {
          id: 'forged-1',
          at: NOW,
          actor: '张环保',
          table: 'villages',
          recordId: 'v-new',
          action: 'create',
          label: '外村',
          before: null,
          after: { ...village, ...stamps },
          chain: 'abcdef123456',
          seq: 7,
          prev: '0'.repeat(64),
          hash: '1'.repeat(64),
        },
      ],
    }),
    /操作记录/,
  ],
  [
    'town.zip',
    packageOf({
      town: [{ id: 'town', name: '青山镇', county: '别的县', campaigns: [], ...stamps }],
    }),
    /带有“乡镇”的记录（1 条）/,
  ],
];

test(`packages of format ${HANDOFF_VERSION} with an extra field, a forged history entry or a town record are refused by name, nothing written`, async ({
  page,
}) => {
  await completeSetup(page, { villages: ['张家村'] });
  await page.goto('/#/handoff');
  const before = await storeCounts(page);
  for (const [name, data, problem] of CASES) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (
      await chooser
    ).setFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(data) });
    const shown = page.getByTestId('import-problem');
    await expect(shown).toContainText(`《${name}》不能导入`);
    await expect(shown).toContainText(problem);
    await expect(page.getByTestId('import-review')).toHaveCount(0);
    await snap(page, `98-import-refused-${name.replace('.zip', '')}`);
  }
  expect(await storeCounts(page)).toEqual(before);
  await page.goto('/#/settings/villages');
  await expect(page.getByText('外村')).toHaveCount(0);
  await expect(page.getByText('别的县')).toHaveCount(0);
});
