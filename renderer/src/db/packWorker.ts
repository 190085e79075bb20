/// <reference lib="webworker" />
import {
  assemblePackage,
  preparePackage,
  verifyPackage,
  type PackageContents,
  type PreparedPackage,
} from '@shared/handoff/package';

/**
 * Packing off the page's main thread: JSON, hashes and deflate for `prepare`, then the zip and
 * the importer's own check for `assemble`. The page signs in between (the key is not here).
 */
export type PackRequest =
  | { id: number; op: 'prepare'; input: PackageContents }
  | { id: number; op: 'assemble'; prepared: PreparedPackage; signature: string };

export type PackResponse =
  | { id: number; ok: true; prepared?: PreparedPackage; data?: Uint8Array }
  | { id: number; ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PackRequest>) => {
  const request = event.data;
  try {
    if (request.op === 'prepare') {
      const prepared = preparePackage(request.input);
      scope.postMessage({ id: request.id, ok: true, prepared } satisfies PackResponse);
    } else {
      const data = assemblePackage(request.prepared, request.signature);
      const check = verifyPackage(data);
      if (!check.ok) throw new Error(`打好的包没有通过检查：${check.problem}`);
      scope.postMessage({ id: request.id, ok: true, data } satisfies PackResponse, [data.buffer]);
    }
  } catch (error) {
    scope.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies PackResponse);
  }
};
