import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler, resolveRendererFile } from './protocol';

let root: string;
let outside: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'eco-desk-protocol-'));
  root = path.join(base, 'renderer');
  outside = base;
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>生态</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'private key');
});
afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

describe('resolveRendererFile', () => {
  it('serves index.html for the root and files under the build folder', () => {
    expect(resolveRendererFile('app://eco-desk/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile('app://eco-desk/assets/app.js', root)).toBe(
      path.join(root, 'assets', 'app.js'),
    );
  });

  it.each([
    'app://eco-desk/../secret.txt',
    'app://eco-desk/%2e%2e/secret.txt',
    'app://eco-desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://eco-desk/..%5csecret.txt',
    'app://eco-desk/%00index.html',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://eco-desk/%E0%A4%A',
  ])('never resolves %s to a file outside the build folder', (url) => {
    const file = resolveRendererFile(url, root);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://eco-desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://eco-desk/..%5csecret.txt',
    'app://eco-desk/%00index.html',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://eco-desk/%E0%A4%A',
  ])('refuses %s outright', (url) => {
    expect(resolveRendererFile(url, root)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root);

  it('answers with the file, its type and the CSP header', async () => {
    const response = await handler()(new Request('app://eco-desk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('生态');
  });

  // Each page's code is a chunk the renderer imports when the page is first opened: a module
  // script, which Chromium runs only with a JavaScript type, from the app's own origin.
  it('answers a chunk imported later with a JavaScript type, under a CSP that allows it', async () => {
    const response = await handler()(new Request('app://eco-desk/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain("script-src 'self'");
  });

  it('answers 404 for an escape attempt and for a missing file', async () => {
    for (const url of [
      'app://eco-desk/%2e%2e/secret.txt',
      'app://eco-desk/a/%2e%2e%2f%2e%2e%2fsecret.txt',
    ]) {
      const response = await handler()(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('private key');
    }
    expect((await handler()(new Request('app://eco-desk/missing.js'))).status).toBe(404);
  });

  it('allows nothing remote in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
