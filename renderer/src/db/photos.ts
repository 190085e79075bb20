import { PHOTO_MAX_BYTES, type PhotoRef } from '@shared/domain/assessment';
import { checkAttachment } from '@shared/domain/attachment';
import { InputError } from './errors';
import type { EcoDeskDb } from './schema';
import { attachmentOf } from './attachments';
import type { WriteContext } from './writeContext';

export interface PhotoInput {
  file: { name: string; data: Uint8Array };
  thumbnail: Blob;
}

/** Refuses anything but a JPEG or PNG within the size limit, judged by its bytes. */
export function checkPhoto(file: PhotoInput['file']): { mime: string } {
  const checked = checkAttachment(
    { name: file.name, size: file.data.byteLength, head: file.data.subarray(0, 16) },
    PHOTO_MAX_BYTES,
  );
  if (!checked.ok) throw new InputError([checked.issue]);
  if (checked.kind !== 'jpg' && checked.kind !== 'png') {
    throw new InputError([
      { field: 'photo', message: `“${file.name}”不是照片：只能是 JPG 或 PNG 图片。` },
    ]);
  }
  return { mime: checked.mime };
}

/** Stores a checked photo and its thumbnail as attachments (inside the caller's transaction). */
export async function storePhoto(
  db: EcoDeskDb,
  ctx: WriteContext,
  input: PhotoInput,
  mime: string,
): Promise<PhotoRef> {
  const photo = {
    attachmentId: ctx.newId(),
    thumbnailId: ctx.newId(),
    name: input.file.name,
    size: input.file.data.byteLength,
  };
  await db.attachments.add(attachmentOf(photo.attachmentId, input.file.data, mime));
  // The thumbnail as the page drew it (a Blob: its bytes cannot be read inside the transaction).
  await db.attachments.add({ id: photo.thumbnailId, blob: input.thumbnail });
  return photo;
}
