import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { verifyPackage } from '../../shared/handoff/package';
import { pdfText } from '../pdf';
import { answerSaveDialogWith, electronBinary, launchWithDemo, SKIP_REASON } from './electronApp';

test.skip(!electronBinary, SKIP_REASON);

test('the package carries the latest issued briefing as the PDF the main process prints', async () => {
  const { app, page, dataDir, cleanup } = await launchWithDemo();
  try {
    await page.goto('app://eco-desk/index.html#/reports');
    const month = await page.getByRole('combobox', { name: '通报月份' }).inputValue();
    await page.getByRole('button', { name: '印发通报' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '印发通报' }).click();
    await expect(page.getByText(/通报已印发。/)).toBeVisible();

    const target = path.join(dataDir, '数据交换.zip');
    await answerSaveDialogWith(app, target);
    await page.goto('app://eco-desk/index.html#/handoff');
    await page.getByRole('button', { name: '导出…' }).click();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toContainText(`月度通报-${month}.pdf`, { timeout: 120_000 });
    await expect(receipt).not.toContainText('未附月度通报');

    const data = new Uint8Array(await readFile(target));
    const verified = verifyPackage(data);
    expect(verified.ok).toBe(true);
    const pdf = unzipSync(data)[`readable/月度通报-${month}.pdf`]!;
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const file = path.join(dataDir, 'briefing.pdf');
    await writeFile(file, pdf);
    const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
    expect(pdfText(file)).toContain(`示例镇${label}生态环境工作通报`);
    // Only the main window is left: the hidden print window was closed.
    expect(app.windows()).toHaveLength(1);
  } finally {
    await cleanup();
  }
});
