// npm run fonts — makes the app's own cut of Noto Sans SC (renderer/src/fonts): one file per weight
// holding the glyphs nearly every screen and record needs, so that a screen loads one font file
// instead of some twenty slices of @fontsource/noto-sans-sc as its text asks for them (each slice
// that arrives lays the page out again). A character outside the cut is still drawn in the same
// typeface: its @fontsource slice loads when it is first shown (the build leaves each slice only
// what the cut lacks: vite.config.ts).
//
// What the cut holds: what @fontsource's latin slice holds, circled numbers, CJK punctuation, full-width forms, the 3,755
// characters of GB 2312's first level (the common ones, decoded from GB 2312's own byte ranges) and
// every other character in the app's own source text (renderer/, shared/). The source font is
// Noto Sans SC's whole TTF of each weight (SIL Open Font License 1.1, as @fontsource's), fetched
// with `npm pack` from the npm registry; subset-font (HarfBuzz's hb-subset in WebAssembly) cuts it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { inRanges, unicodeRange } from './unicodeRange.mjs';

const SOURCE_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const WEIGHTS = [
  { weight: 400, file: '400Regular/NotoSansSC_400Regular.ttf' },
  { weight: 500, file: '500Medium/NotoSansSC_500Medium.ttf' },
];
const OUT = path.resolve('renderer/src/fonts');

/**
 * The ranges of @fontsource's "latin" slice: all of them are claimed by the cut, also the code
 * points the typeface does not draw (tabs, line breaks, the zero-width space MUI puts in empty
 * labels), which would otherwise load that slice only to find them missing there too.
 */
const LATIN = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];
const inLatin = (point) => inRanges(LATIN, point);

/** Every code point the cut claims, in order. */
export function cutCodePoints(sourceText) {
  const points = new Set();
  const range = (from, to) => {
    for (let c = from; c <= to; c += 1) points.add(c);
  };
  for (const [from, to] of LATIN) range(from, to);
  range(0x2460, 0x2473); // ① … ⑳
  range(0x3000, 0x303f);
  range(0xff01, 0xff5e);
  range(0xffe0, 0xffe6);
  const gb2312 = new TextDecoder('gb18030');
  for (let row = 0xb0; row <= 0xd7; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      const c = gb2312.decode(Uint8Array.of(row, cell));
      const point = c.codePointAt(0);
      if (c.length === 1 && point >= 0x4e00 && point <= 0x9fff) points.add(point);
    }
  }
  for (const c of sourceText) {
    const point = c.codePointAt(0);
    if (point >= 0x2000 && !(point >= 0xd800 && point <= 0xdfff)) points.add(point);
  }
  return [...points].sort((a, b) => a - b);
}

/** The text of the app's own code (tests left out): every character its screens and papers show. */
export function sourceText() {
  let text = '';
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name))
        text += readFileSync(file, 'utf8');
    }
  };
  walk('renderer/src');
  walk('shared');
  return text;
}

const HEADER = `/*
 * Made by scripts/make-fonts.mjs (npm run fonts); do not edit. Noto Sans SC (SIL Open Font
 * License 1.1), cut to the characters below; the build leaves @fontsource's slices of the same
 * family only what this cut lacks (vite.config.ts), so a slice loads only for such a character.
 */`;

function fontFace(weight, file, points) {
  return `@font-face {
  font-family: 'Noto Sans SC';
  font-style: normal;
  font-display: swap;
  font-weight: ${weight};
  src: url(./${file}) format('woff2');
  unicode-range: ${unicodeRange(points)};
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const points = cutCodePoints(sourceText());
  const work = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-fonts-'));
  try {
    execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent', '--pack-destination', work], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(work).find((n) => n.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
    const faces = [];
    for (const { weight, file } of WEIGHTS) {
      const font = readFileSync(path.join(work, 'package', file));
      // Only what the typeface draws: a code point it lacks is left to the system's fallback.
      const has = new Set(new Face(new Blob(font), 0).collectUnicodes());
      const held = points.filter((p) => has.has(p));
      const claimed = points.filter((p) => has.has(p) || inLatin(p));
      const cut = await subsetFont(font, String.fromCodePoint(...held), { targetFormat: 'woff2' });
      const name = `eco-sans-sc-${weight}.woff2`;
      writeFileSync(path.join(OUT, name), cut);
      faces.push(fontFace(weight, name, claimed));
      console.log(`${name}：${held.length} 个字符，${Math.round(cut.length / 1024)} KB`);
    }
    writeFileSync(path.join(OUT, 'fonts.css'), `${HEADER}\n${faces.join('\n')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
