import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pdfInfo, pdfText } from '../pdf';
import { answerSaveDialogWith, electronBinary, launchWithDemo, SKIP_REASON } from './electronApp';

test.skip(!electronBinary, SKIP_REASON);

test('存为 PDF: the main process prints the briefing in a hidden window and saves it atomically', async () => {
  const { app, page, dataDir, cleanup } = await launchWithDemo();
  try {
    const target = path.join(dataDir, '通报.pdf');
    await answerSaveDialogWith(app, target);
    await page.goto('app://eco-desk/index.html#/reports');
    const month = await page.getByRole('combobox', { name: '通报月份' }).inputValue();
    await page.getByRole('button', { name: '预览草稿' }).click();
    await page.getByRole('button', { name: '存为 PDF' }).click();
    await expect(page.getByText(`PDF 已保存到 ${target}`)).toBeVisible({ timeout: 60_000 });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(target);
    const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
    expect(text).toContain(`内部资料 · 示例镇 · ${label}`);
    const { pages } = pdfInfo(target);
    expect(text.replace(/\s+/g, '')).toContain(`第${pages}页/共${pages}页`);
    // Only the main window is left: the hidden print window was closed.
    expect(app.windows()).toHaveLength(1);
  } finally {
    await cleanup();
  }
});
