import { describe, expect, it } from 'vitest';
import { checkText, textCounter, TEXT_LIMITS } from './textLimits';

describe('text limits', () => {
  it('refuses a text over its limit, counting Chinese characters as one each', () => {
    expect(checkText('进展情况', '清'.repeat(500), TEXT_LIMITS.progress)).toBeNull();
    expect(checkText('进展情况', '清'.repeat(3000), TEXT_LIMITS.progress)).toBe(
      '进展情况最多 500 个字，现在是 3000 个字。',
    );
    // An emoji is one character, not two UTF-16 units.
    expect(checkText('地点', '🌲'.repeat(50), TEXT_LIMITS.deductionPlace)).toBeNull();
  });

  it('asks for a required text', () => {
    expect(checkText('完成情况', '  ', TEXT_LIMITS.doneNote, { required: true })).toBe(
      '请填写完成情况。',
    );
    expect(checkText('完成情况', '', TEXT_LIMITS.doneNote)).toBeNull();
  });

  it('shows the count from 80% of the limit, marked once over', () => {
    expect(textCounter('a'.repeat(159), 200)).toBeNull();
    expect(textCounter('a'.repeat(160), 200)).toEqual({ text: '160/200', over: false });
    expect(textCounter('a'.repeat(201), 200)).toEqual({ text: '201/200', over: true });
  });
});
