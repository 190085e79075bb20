import type { ValidationIssue } from './validation';

/**
 * File types the office may attach, recognised by their first bytes, not only by the name:
 * a program renamed to `.pdf` must be refused.
 */
export const ATTACHMENT_KINDS = {
  pdf: { label: 'PDF', mime: 'application/pdf', extensions: ['pdf'] },
  doc: { label: 'Word 97-2003', mime: 'application/msword', extensions: ['doc'] },
  docx: {
    label: 'Word',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  jpg: { label: 'JPEG 图片', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { label: 'PNG 图片', mime: 'image/png', extensions: ['png'] },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const SIGNATURES: Record<AttachmentKind, readonly number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  doc: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE compound file
  docx: [0x50, 0x4b, 0x03, 0x04], // zip
  jpg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= bytes.length && signature.every((b, i) => bytes[i] === b);
}

/** What the bytes are, whatever the name says; null when none of the allowed kinds. */
export function sniffKind(head: Uint8Array): AttachmentKind | null {
  const kinds = Object.keys(SIGNATURES) as AttachmentKind[];
  return kinds.find((kind) => startsWith(head, SIGNATURES[kind])) ?? null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Checks a file before it is stored: allowed extension, size within the limit, and contents
 * that match the extension. `head` needs only the first 16 bytes.
 */
export function checkAttachment(
  file: { name: string; size: number; head: Uint8Array },
  maxBytes: number = MAX_ATTACHMENT_BYTES,
): { ok: true; kind: AttachmentKind; mime: string } | { ok: false; issue: ValidationIssue } {
  const ext = extensionOf(file.name);
  const claimed = (Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).find((kind) =>
    (ATTACHMENT_KINDS[kind].extensions as readonly string[]).includes(ext),
  );
  const refuse = (message: string) => ({ ok: false as const, issue: { field: 'file', message } });
  if (!claimed) {
    return refuse(
      `文件“${file.name}”的类型不支持：只能添加 PDF、Word（doc/docx）、JPG 或 PNG 文件。`,
    );
  }
  if (file.size === 0) return refuse(`文件“${file.name}”是空文件。`);
  if (file.size > maxBytes) {
    return refuse(
      `文件“${file.name}”有 ${formatBytes(file.size)}，超过了 ${formatBytes(maxBytes)} 的上限。`,
    );
  }
  const actual = sniffKind(file.head);
  if (actual !== claimed) {
    const isProgram = file.head[0] === 0x4d && file.head[1] === 0x5a; // "MZ": a Windows program
    const what = isProgram
      ? '一个程序'
      : actual
        ? ATTACHMENT_KINDS[actual].label
        : '无法识别的内容';
    return refuse(
      `文件“${file.name}”的扩展名是 .${ext}，但内容是${what}，不是真正的${ATTACHMENT_KINDS[claimed].label}文件，已拒绝。`,
    );
  }
  return { ok: true, kind: claimed, mime: ATTACHMENT_KINDS[claimed].mime };
}
