import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { MANIFEST, SIGNATURE, signManifest } from './package';

/**
 * A package as another version of the app wrote it: the same entries under a manifest of
 * `formatVersion` (without the `backup` mark version 1 did not have), signed again with the
 * maker's key. Used only by tests.
 */
export function asFormatVersion(
  data: Uint8Array,
  formatVersion: number,
  secretKey: Uint8Array,
): Uint8Array {
  const entries = unzipSync(data);
  const manifest = JSON.parse(strFromU8(entries[MANIFEST]!)) as Record<string, unknown>;
  delete manifest.backup;
  const bytes = strToU8(JSON.stringify({ ...manifest, formatVersion }, null, 2));
  return zipSync({
    ...entries,
    [MANIFEST]: bytes,
    [SIGNATURE]: strToU8(signManifest(bytes, secretKey)),
  });
}
