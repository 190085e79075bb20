import { describe, expect, it } from 'vitest';
import { inTableOrder } from './strings';

describe('tables on the receipt and the import preview', () => {
  it('come in the order people read them, whatever order the package lists them in', () => {
    // A package lists its tables by name (audit, deductions, …).
    expect(inTableOrder(['audit', 'problems', 'town', 'villages', 'zzz', 'aaa'])).toEqual([
      'town',
      'villages',
      'problems',
      'audit',
      'aaa',
      'zzz',
    ]);
  });
});
