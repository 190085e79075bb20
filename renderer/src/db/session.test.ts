import { afterEach, describe, expect, it } from 'vitest';
import {
  currentSession,
  endSession,
  grantPrint,
  lockSession,
  startSession,
  takePrintGrant,
} from './session';

/**
 * The desktop app's hidden print window opens as the account that asked for the print: a
 * grant for that one route, taken once, within a minute, and by nothing else.
 */

const account = {
  accountId: 'a1',
  name: '张环保',
  rights: ['prints'] as const,
  mustChangePassword: false,
};
const ROUTE = '/print/briefing/2026-11';
const NOW = 1_800_000_000_000;

afterEach(() => {
  endSession();
  localStorage.clear();
});

describe('a print window’s sign-in', () => {
  it('opens as the asking account, for that route only, once', () => {
    startSession({ ...account, rights: [...account.rights] });
    grantPrint(ROUTE, NOW);
    // The print window starts without a session of its own.
    endSession();
    expect(takePrintGrant('/print/ledger', NOW)).toBe(false);
    expect(takePrintGrant('/ledger', NOW)).toBe(false);
    expect(takePrintGrant(ROUTE, NOW + 59_000)).toBe(true);
    expect(currentSession()).toMatchObject({ accountId: 'a1', name: '张环保', locked: false });
    endSession();
    // Taken: a second window gets nothing.
    expect(takePrintGrant(ROUTE, NOW + 59_500)).toBe(false);
    expect(currentSession()).toBeNull();
  });

  it('is not given while locked or signed out, and lapses after a minute', () => {
    grantPrint(ROUTE, NOW);
    expect(localStorage.length).toBe(0);
    startSession({ ...account, rights: [...account.rights] });
    lockSession();
    grantPrint(ROUTE, NOW);
    expect(localStorage.length).toBe(0);
    startSession({ ...account, rights: [...account.rights] });
    grantPrint(ROUTE, NOW);
    endSession();
    expect(takePrintGrant(ROUTE, NOW + 61_000)).toBe(false);
    // A lapsed grant is gone too, not left lying about.
    expect(localStorage.length).toBe(0);
  });
});
