import { plainSheet } from '@shared/handoff/plainSheet';
import { packEntryAsync, type PackedEntry } from '@shared/handoff/package';

/**
 * The costly part of writing a package, one entry at a time: hash, deflate and check an entry
 * (a table's JSON, an attachment), or write a readable copy first. Run in packing workers — so
 * that 10 years of data never freeze the screen, and several entries are packed at once while
 * the page is still reading — or, where no worker can start, in the page.
 */
export type PackOp =
  | { op: 'entry'; name: string; data: Uint8Array }
  | { op: 'sheet'; name: string; sheet: string; rows: (string | number)[][] };

export type PackRequest = PackOp & { id: number };

export type PackResponse =
  { id: number; ok: true; packed: PackedEntry } | { id: number; ok: false; message: string };

export function runPackOp(request: PackOp): Promise<PackedEntry> {
  return request.op === 'entry'
    ? packEntryAsync(request.name, request.data)
    : packEntryAsync(request.name, plainSheet(request.sheet, request.rows));
}

/** Runs a request and answers it, never throwing: the answer names the problem. */
export async function answerPackOp(request: PackRequest): Promise<PackResponse> {
  try {
    return { id: request.id, ok: true, packed: await runPackOp(request) };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
