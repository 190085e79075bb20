import { PHOTO_MAX_BYTES } from '@shared/domain/assessment';
import { sniffKind } from '@shared/domain/attachment';
import { platform } from '../../platform';

export const PHOTO_FILTERS = [{ name: '现场照片（JPG、PNG）', extensions: ['jpg', 'jpeg', 'png'] }];

/** A JPEG thumbnail whose longer side is at most `maxSide` pixels. */
export async function makeThumbnail(data: Uint8Array, maxSide = 240): Promise<Blob> {
  const kind = sniffKind(data.subarray(0, 16));
  const bitmap = await createImageBitmap(
    new Blob([data.slice().buffer], { type: kind === 'png' ? 'image/png' : 'image/jpeg' }),
  );
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('thumbnail failed'))),
      'image/jpeg',
      0.8,
    ),
  );
}

/** Picks a photo from disk: resolves with the file and its thumbnail, or an error message. */
export async function pickPhoto(): Promise<
  | { ok: true; file: { name: string; data: Uint8Array }; thumbnail: Blob }
  | { ok: false; message: string }
  | null
> {
  const opened = await platform.openFile({ filters: PHOTO_FILTERS, maxBytes: PHOTO_MAX_BYTES });
  if (opened.status === 'canceled') return null;
  if (opened.status === 'failed') return { ok: false, message: opened.message };
  const kind = sniffKind(opened.data.subarray(0, 16));
  if (kind !== 'jpg' && kind !== 'png') {
    return { ok: false, message: `“${opened.name}”不是照片：现场照片只能是 JPG 或 PNG 图片。` };
  }
  try {
    const thumbnail = await makeThumbnail(opened.data);
    return { ok: true, file: { name: opened.name, data: opened.data }, thumbnail };
  } catch (error) {
    console.error('[eco-desk] thumbnail', error);
    return { ok: false, message: `照片“${opened.name}”无法打开，可能已经损坏。` };
  }
}
