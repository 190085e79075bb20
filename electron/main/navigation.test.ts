import { describe, expect, it } from 'vitest';
import { isAppUrl, isLocalRequest, isTrustedSender } from './navigation';

describe('isAppUrl', () => {
  it('allows the app origin and nothing else', () => {
    expect(isAppUrl('app://eco-desk/index.html#/settings')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('app://eco-desk.evil/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/Windows/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('isLocalRequest', () => {
  it('allows the app, its blobs and data URLs; refuses the network', () => {
    expect(isLocalRequest('app://eco-desk/assets/a.js')).toBe(true);
    expect(isLocalRequest('blob:app://eco-desk/4f1c-uuid')).toBe(true);
    expect(isLocalRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isLocalRequest('https://example.com/font.css')).toBe(false);
    expect(isLocalRequest('http://127.0.0.1:8080/')).toBe(false);
    expect(isLocalRequest('blob:https://evil.example/uuid')).toBe(false);
    expect(isLocalRequest('ws://127.0.0.1:9229/')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app main frame only', () => {
    expect(isTrustedSender({ url: 'app://eco-desk/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://eco-desk/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4173/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('trusts another origin only where it is named, and then not the app one', () => {
    const bridge = 'http://127.0.0.1:4173';
    expect(isTrustedSender({ url: 'http://127.0.0.1:4173/#/x', isMainFrame: true }, bridge)).toBe(
      true,
    );
    expect(isTrustedSender({ url: 'http://127.0.0.1:4173/', isMainFrame: false }, bridge)).toBe(
      false,
    );
    expect(isTrustedSender({ url: 'app://eco-desk/index.html', isMainFrame: true }, bridge)).toBe(
      false,
    );
    expect(isTrustedSender({ url: 'http://127.0.0.1:4174/', isMainFrame: true }, bridge)).toBe(
      false,
    );
  });
});
