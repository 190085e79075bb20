import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender } from './navigation';

describe('isAppUrl', () => {
  it('allows the app origin and nothing else', () => {
    expect(isAppUrl('app://eco-desk/index.html#/settings')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('app://eco-desk.evil/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/Windows/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app main frame only', () => {
    expect(isTrustedSender({ url: 'app://eco-desk/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://eco-desk/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4173/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
