import { describe, expect, it } from 'vitest';
import { checkEntry, scoreVillage, type DeductionEntry } from './scoring';
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
