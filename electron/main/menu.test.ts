import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.type === 'separator' ? [] : [item.label ?? '']),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('labels every item in Chinese', () => {
    const all = labels(buildMenuTemplate({ showAbout: () => undefined }));
    expect(all.length).toBeGreaterThan(10);
    for (const label of all) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});
