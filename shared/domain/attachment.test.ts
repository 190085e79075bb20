import { describe, expect, it } from 'vitest';
import { checkAttachment, formatBytes, sniffKind } from './attachment';

const bytes = (...values: number[]) => new Uint8Array(values);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

describe('checkAttachment', () => {
  it('accepts a real PDF', () => {
    expect(checkAttachment({ name: '实施方案.PDF', size: 1000, head: PDF })).toEqual({
      ok: true,
      kind: 'pdf',
      mime: 'application/pdf',
    });
  });

  it('refuses a program renamed .pdf and says it is a program', () => {
    const result = checkAttachment({ name: 'setup.pdf', size: 1000, head: EXE });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issue.message).toBe(
        '文件“setup.pdf”的扩展名是 .pdf，但内容是一个程序，不是真正的PDF文件，已拒绝。',
      );
  });

  it('refuses a PNG named .jpg', () => {
    const result = checkAttachment({ name: '照片.jpg', size: 10, head: PNG });
    expect(result.ok).toBe(false);
  });

  it('refuses a file over the limit: 21 MB against 20 MB', () => {
    const result = checkAttachment({ name: 'a.pdf', size: 21 * 1024 * 1024, head: PDF });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain('21.0 MB，超过了 20.0 MB 的上限');
  });

  it('refuses an .exe by its extension and an empty file', () => {
    expect(checkAttachment({ name: 'a.exe', size: 10, head: EXE }).ok).toBe(false);
    expect(checkAttachment({ name: 'a.pdf', size: 0, head: bytes() }).ok).toBe(false);
  });
});

describe('sniffKind', () => {
  it('knows a docx by its zip header and nothing by three bytes of text', () => {
    expect(sniffKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('docx');
    expect(sniffKind(bytes(0x61, 0x62, 0x63))).toBeNull();
  });
});

describe('formatBytes', () => {
  it('writes 1536 bytes as 1.5 KB', () => {
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});
