import type { EcoDeskDb } from './schema';

/**
 * A stored file (a photo, its thumbnail, a rule document): its bytes kept in the record, or, as
 * earlier versions wrote every file and the page still writes a thumbnail it draws, a Blob.
 *
 * Bytes in the record, because Chromium's IndexedDB keeps each Blob as a file of its own, written
 * and flushed when the transaction commits: an import of ten years' 4,463 photos spent 4.3 s in
 * its commit on those files, and an export read each one back. Both forms are read alike, through
 * the functions below; a record is never rewritten from one form into the other.
 */
export type Attachment =
  { id: string; type: string; bytes: Uint8Array } | { id: string; blob: Blob };

/** The record of a file's bytes (copied: a view would store the whole buffer behind it). */
export const attachmentOf = (id: string, bytes: Uint8Array, type: string): Attachment => ({
  id,
  type,
  bytes: bytes.slice(),
});

export const attachmentType = (a: Attachment): string => ('bytes' in a ? a.type : a.blob.type);

export const attachmentSize = (a: Attachment): number =>
  'bytes' in a ? a.bytes.byteLength : a.blob.size;

/** To show it (an object URL). */
export const attachmentBlob = (a: Attachment): Blob =>
  'bytes' in a ? new Blob([a.bytes.slice().buffer], { type: a.type }) : a.blob;

/**
 * Its bytes. A Blob's are not read through the database: never await this inside a transaction
 * for a record that may hold one (Chromium would commit the transaction early).
 */
export const attachmentBytes = async (a: Attachment): Promise<Uint8Array> =>
  'bytes' in a ? a.bytes : new Uint8Array(await a.blob.arrayBuffer());

/**
 * What each stored file is (id, type, size), read a page at a time inside the caller's
 * transaction, so that the bytes of every photo are never all in memory at once.
 */
export async function listAttachments(
  db: EcoDeskDb,
  pageSize = 200,
): Promise<{ id: string; type: string; size: number }[]> {
  const out: { id: string; type: string; size: number }[] = [];
  let last: string | null = null;
  for (;;) {
    const page: Attachment[] = await (
      last === null ? db.attachments.orderBy(':id') : db.attachments.where(':id').above(last)
    )
      .limit(pageSize)
      .toArray();
    for (const a of page) out.push({ id: a.id, type: attachmentType(a), size: attachmentSize(a) });
    if (page.length < pageSize) return out;
    last = page.at(-1)!.id;
  }
}
