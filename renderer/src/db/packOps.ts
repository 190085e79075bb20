import { plainSheet } from '@shared/handoff/plainSheet';
import { packEntryAsync, type PackedEntry } from '@shared/handoff/package';

/**
 * The costly part of writing a package: hash, deflate and check an entry (a table's JSON), a
 * batch of small files (photos: thousands of a few KB each, so that the cost of a message does
 * not outweigh their packing), or write a readable copy first. Run in packing workers — so that
 * 10 years of data never freeze the screen, and several entries are packed at once while the
 * page is still reading — or, where no worker can start, in the page.
 */
export type PackOp =
  | { op: 'entry'; name: string; data: Uint8Array }
  | { op: 'files'; files: { name: string; data: Uint8Array }[] }
  | { op: 'sheet'; name: string; sheet: string; rows: (string | number)[][] };

export type PackRequest = PackOp & { id: number };

/** The entries packed, in the order of the request's. */
export type PackResponse =
  { id: number; ok: true; packed: PackedEntry[] } | { id: number; ok: false; message: string };

export async function runPackOp(request: PackOp): Promise<PackedEntry[]> {
  switch (request.op) {
    case 'entry':
      return [await packEntryAsync(request.name, request.data)];
    case 'files':
      return Promise.all(request.files.map((f) => packEntryAsync(f.name, f.data)));
    case 'sheet':
      return [await packEntryAsync(request.name, plainSheet(request.sheet, request.rows))];
  }
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
