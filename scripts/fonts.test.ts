import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutCodePoints, sourceText } from './make-fonts.mjs';
import { inRanges, parseUnicodeRange, pointsOutside, unicodeRange } from './unicodeRange.mjs';

/** The app's own cut of Noto Sans SC (scripts/make-fonts.mjs, renderer/src/fonts). */
const css = readFileSync('renderer/src/fonts/fonts.css', 'utf8');
const faces = [
  ...css.matchAll(/font-weight: (\d+);\s*src: url\(\.\/([^)]+)\)[^;]*;\s*unicode-range: ([^;]+);/g),
].map(([, weight, file, range]) => ({
  weight: Number(weight),
  file: file!,
  range: parseUnicodeRange(range!),
}));

describe('the app’s cut of Noto Sans SC', () => {
  it('reads and writes unicode-range, runs of neighbours as one, and takes code points out of it', () => {
    expect(parseUnicodeRange('U+41-43,U+45, u+4e00-4e01')).toEqual([
      [0x41, 0x43],
      [0x45, 0x45],
      [0x4e00, 0x4e01],
    ]);
    expect(pointsOutside([[0x41, 0x45]], new Set([0x42, 0x44]))).toEqual([0x41, 0x43, 0x45]);
    expect(unicodeRange([0x41, 0x42, 0x43, 0x45, 0x4e00, 0x4e01])).toBe(
      'U+41-43, U+45, U+4E00-4E01',
    );
  });

  it('holds GB 2312’s 3,755 common characters and the punctuation of the screens', () => {
    const points = cutCodePoints('');
    const hanzi = points.filter((p) => p >= 0x4e00 && p <= 0x9fff);
    expect(hanzi).toHaveLength(3755);
    // The first and last of the first level (啊, 座), and a second-level one that is not there (亍).
    expect(hanzi).toContain('啊'.codePointAt(0));
    expect(hanzi).toContain('座'.codePointAt(0));
    expect(hanzi).not.toContain('亍'.codePointAt(0));
    for (const c of '，。、：；！？（）《》“”—…①⑳×') expect(points).toContain(c.codePointAt(0));
  });

  it('claims every character of the app’s own text in both weights (else: npm run fonts)', () => {
    expect(faces.map((f) => f.weight)).toEqual([400, 500]);
    const text = new Set(sourceText());
    for (const face of faces) {
      const outside = [...text].filter((c) => !inRanges(face.range, c.codePointAt(0)!));
      expect(outside, `${face.file}: run npm run fonts`).toEqual([]);
    }
  });

  it('is preloaded by the page, and each file is a woff2 font', () => {
    const html = readFileSync('renderer/index.html', 'utf8').replace(/\s+/g, ' ');
    for (const face of faces) {
      expect(html).toContain(
        `<link rel="preload" href="./src/fonts/${face.file}" as="font" type="font/woff2" crossorigin />`,
      );
      const bytes = readFileSync(`renderer/src/fonts/${face.file}`);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  });

  it('is declared after @fontsource’s slices, so that it is the face tried first', () => {
    const main = readFileSync('renderer/src/main.tsx', 'utf8');
    const cut = main.indexOf("import './fonts/fonts.css';");
    expect(cut).toBeGreaterThan(main.indexOf("import '@fontsource/noto-sans-sc/400.css';"));
    expect(cut).toBeGreaterThan(main.indexOf("import '@fontsource/noto-sans-sc/500.css';"));
  });
});
