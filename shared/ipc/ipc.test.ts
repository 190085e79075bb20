import { describe, expect, it } from 'vitest';
import { API_METHODS, APP_ORIGIN, CHANNELS } from './channels';
import { ARGUMENT_SCHEMAS } from './schemas';

describe('the IPC contract', () => {
  it('keeps the renderer origin frozen: changing it would strand every user’s IndexedDB', () => {
    expect(APP_ORIGIN).toBe('app://eco-desk');
  });

  it('has one distinct channel and one schema per method', () => {
    const channels = Object.values(CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    expect(Object.keys(ARGUMENT_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it('refuses a suggested file name that names a folder', () => {
    const parsed = ARGUMENT_SCHEMAS.saveFile.safeParse([
      { suggestedName: '../evil.txt', data: new Uint8Array(1) },
    ]);
    expect(parsed.success).toBe(false);
  });

  it('refuses an argument of the wrong type and extra arguments', () => {
    expect(ARGUMENT_SCHEMAS.openFile.safeParse([{ maxBytes: '10' }]).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.getAppInfo.safeParse(['extra']).success).toBe(false);
  });
});
