import { describe, expect, it } from 'vitest';
import { checkEntry, readCount, scoreVillage, type DeductionEntry } from './scoring';
import { DEFAULT_CATEGORIES as categories, DEFAULT_ITEMS as items } from './standardDefault';

const count = (itemCode: string, n: number): DeductionEntry => ({
  itemCode,
  count: n,
  points: null,
});
const points = (itemCode: string, p: number): DeductionEntry => ({
  itemCode,
  count: null,
  points: p,
});
const score = (entries: DeductionEntry[], bonus = 0) =>
  scoreVillage({ categories, items, entries, bonus, bonusCap: 5 });

describe('scoreVillage', () => {
  it('a clean village scores 100', () => {
    expect(score([]).score).toBe(100);
  });

  it('3 piles at A01 (1 each) + 8 white-litter spots at A03 (0.5 each, cap 3): 100 − 3 − 3 = 94', () => {
    const result = score([count('A01', 3), count('A03', 8)]);
    expect(result.score).toBe(94);
    expect(result.byCategory['生活垃圾']).toBe(6);
    expect(result.items.find((i) => i.itemCode === 'A03')).toMatchObject({
      points: 3,
      capped: true,
    });
  });

  it('a category stops at its points: 生活垃圾 items adding to 21 deduct 20 → 80', () => {
    // A01 4 + A02 4 + A03 3 + A04 2 + A05 2 + A06 4 + A08 2 = 21 > 20
    const entries = [
      count('A01', 9),
      count('A02', 9),
      count('A03', 9),
      count('A04', 9),
      count('A05', 9),
      count('A06', 9),
      count('A08', 9),
    ];
    const result = score(entries);
    expect(result.byCategory['生活垃圾']).toBe(20);
    expect(result.score).toBe(80);
  });

  it('open burning (A07) zeroes 生活垃圾 (20) whatever else; + 2 sewage spots (B01): 100 − 20 − 2 = 78', () => {
    const result = score([count('A07', 1), count('A01', 1), count('B01', 2)]);
    expect(result.zeroedCategories).toEqual(['生活垃圾']);
    expect(result.byCategory['生活垃圾']).toBe(20);
    expect(result.score).toBe(78);
    expect(result.seriousCount).toBe(1);
  });

  it('bonus stops at the cap and the score at 100: 100 − 3 + min(8, 5) = 102 → 100', () => {
    expect(score([count('A01', 3)], 8).score).toBe(100);
    expect(score([count('A01', 3)], 2).score).toBe(99);
  });

  it('points entered directly count as entered, within the cap: D02 2.5 → 97.5', () => {
    expect(score([points('D02', 2.5)]).score).toBe(97.5);
  });

  it('counts serious deductions for tie-breaks: A06 and G02 found, A01 not serious → 2', () => {
    expect(score([count('A06', 1), count('G02', 1), count('A01', 2)]).seriousCount).toBe(2);
  });

  it('ignores zero entries and unknown codes', () => {
    expect(score([count('A01', 0), count('Z99', 5)]).items).toEqual([]);
  });
});

describe('checkEntry', () => {
  const a03 = items.find((i) => i.code === 'A03')!;
  it('refuses points over the cap, a negative count and a fraction of an instance', () => {
    expect(checkEntry(a03, points('A03', 4))).toBe(
      '“A03 房前屋后、道路两侧有白色垃圾”最多扣 3 分（扣完为止），不能扣 4 分。',
    );
    expect(checkEntry(a03, count('A03', -1))).toContain('0 或正整数');
    expect(checkEntry(a03, count('A03', 1.5))).toContain('0 或正整数');
    expect(checkEntry(a03, count('A03', 20))).toBeNull(); // over the cap by count is allowed: it is capped
  });
});

describe('readCount: what was typed into a grid cell', () => {
  const a03 = items.find((i) => i.code === 'A03')!; // 0.5 per 处, cap 3
  const a01 = items.find((i) => i.code === 'A01')!; // 1 per 处, cap 4
  it('reads blank as 0, whole numbers and full-width digits as counts', () => {
    expect(readCount(a01, '')).toEqual({ ok: true, count: 0, capped: null });
    expect(readCount(a01, ' 3 ')).toEqual({ ok: true, count: 3, capped: null });
    expect(readCount(a01, '４')).toEqual({ ok: true, count: 4, capped: null });
  });

  it('refuses a negative count, a fraction, a word and 999, each with its reason', () => {
    expect(readCount(a01, '-1')).toEqual({
      ok: false,
      message: '处数不能是负数：请输入 0 到 99 之间的整数。',
    });
    expect(readCount(a01, '1.5')).toEqual({
      ok: false,
      message: '处数应是整数（几处）：请输入 0 到 99 之间的整数。',
    });
    expect(readCount(a01, 'abc')).toEqual({
      ok: false,
      message: '“abc”不是处数：请输入 0 到 99 之间的整数。',
    });
    expect(readCount(a01, '999')).toEqual({
      ok: false,
      message: '处数最多 99，999 太大，请核对。',
    });
    expect(readCount(a01, '99')).toMatchObject({ ok: true, count: 99 });
    expect(checkEntry(a01, count('A01', 100))).toBe('“A01”的处数最多 99，100 太大，请核对。');
  });

  it('says the cap applies when the count goes past it: 8 × 0.5 = 4 > 3; 6 × 0.5 = 3 does not', () => {
    expect(readCount(a03, '8')).toEqual({
      ok: true,
      count: 8,
      capped: '8 处 × 0.5 分 = 4 分，超过本条上限 3 分：扣完为止，按 3 分计。',
    });
    expect(readCount(a03, '6')).toEqual({ ok: true, count: 6, capped: null });
    expect(readCount(a01, '5').ok && readCount(a01, '5')).toMatchObject({ count: 5 });
  });
});
