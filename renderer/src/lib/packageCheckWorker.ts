/// <reference lib="webworker" />
import { checkPackageBytes, LIMITS, sha256Hex } from '@shared/handoff/package';
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
    // A table in parts (a county's records) is only counted here: the page reads its rows.
    const checked = checkPackageBytes(data, LIMITS, { keepParts: false });
    response = { id, ok: true, checked, sha256: await sha256Hex(data), data };
  } catch (error) {
    response = {
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      data,
    };
  }
  try {
    scope.postMessage(response, [data.buffer]);
  } catch (error) {
    // The result could not be posted (too large to clone): said, never left unanswered.
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id, ok: false, message, data } satisfies CheckResponse, [data.buffer]);
  }
};
