import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './helpers';

const PDF_DIR = 'test-results/pdf';

/**
 * Prints the page the app shows (a print route, once it marks itself ready) to a PDF the way
 * the desktop app does: Chromium's printer, A4 from the page's own @page rules.
 */
export async function printToPdf(page: Page, name: string): Promise<string> {
  await page.locator('html[data-print-ready="1"]').waitFor({ timeout: 30_000 });
  mkdirSync(PDF_DIR, { recursive: true });
  const file = path.join(PDF_DIR, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return file;
}

/** The PDF's text as pdftotext lays it out (columns kept apart by spaces). */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** Number of pages and the first page's size in points, from pdfinfo. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The fonts the PDF embeds (pdffonts' name column, subset prefix removed). */
export function pdfFonts(file: string): string[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
  return [
    ...new Set(
      lines
        .map((l) => l.split(/\s+/)[0] ?? '')
        .filter(Boolean)
        .map((n) => n.replace(/^[A-Z]{6}\+/, '')),
    ),
  ];
}

/** Renders pages to PNG under the screenshots folder, for a person to look at. */
export function pdfPages(file: string, name: string, first: number, last: number): void {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  execFileSync('pdftoppm', [
    '-r',
    '80',
    '-png',
    '-f',
    String(first),
    '-l',
    String(last),
    file,
    path.join(SCREENSHOT_DIR, name),
  ]);
}
