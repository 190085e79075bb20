/// <reference lib="webworker" />
import { checkPackageBytes, sha256Hex } from '@shared/handoff/package';
import type { CheckRequest, CheckResponse } from './packageCheck';

/**
 * Checks one package the page moved here (packageCheck.ts) and moves its bytes back with the
 * result: inflating, hashing and parsing a package of photos takes seconds, never the page's.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, data } = event.data;
  let response: CheckResponse;
  try {
    const checked = checkPackageBytes(data);
    response = { id, ok: true, checked, sha256: await sha256Hex(data), data };
  } catch (error) {
    response = {
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      data,
    };
  }
  scope.postMessage(response, [data.buffer]);
};
