import { verifiedPackage, type CheckedPackage, type VerifyResult } from '@shared/handoff/package';

/** A package's file checked completely: the result, its bytes as checked, their SHA-256. */
export interface CheckedFile {
  verified: VerifyResult;
  data: Uint8Array;
  sha256: string;
}

export interface CheckRequest {
  id: number;
  data: Uint8Array;
}

export type CheckResponse = { id: number; data: Uint8Array } & (
  { ok: true; checked: CheckedPackage; sha256: string } | { ok: false; message: string }
);

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<
  number,
  { resolve: (file: CheckedFile) => void; reject: (error: Error) => void }
>();

const FAILED = '检查数据交换包的后台程序出错了，包没有检查。请关闭程序重新打开后再试。';

function checker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./packageCheckWorker.ts', import.meta.url), {
    type: 'module',
  });
  started.onmessage = (event: MessageEvent<CheckResponse>) => {
    const answer = event.data;
    const call = waiting.get(answer.id);
    waiting.delete(answer.id);
    stopWhenIdle();
    if (!call) return;
    if (!answer.ok) {
      console.error('[eco-desk] package check', answer.message);
      call.reject(new Error(FAILED));
    } else {
      try {
        // A table in parts is read here, from the bytes checked (the worker only counted it).
        const verified = verifiedPackage(answer.data, answer.checked);
        call.resolve({ verified, data: answer.data, sha256: answer.sha256 });
      } catch (error) {
        console.error('[eco-desk] package check', error);
        call.reject(new Error(FAILED));
      }
    }
  };
  started.onerror = (event: ErrorEvent) => {
    console.error('[eco-desk] package check worker', event.message || 'did not start');
    for (const { reject } of waiting.values()) reject(new Error(FAILED));
    waiting.clear();
    stopWhenIdle();
  };
  worker = started;
  return started;
}

/** What the worker held (a package's records, parsed) goes with it once nothing waits. */
function stopWhenIdle() {
  if (waiting.size > 0 || !worker) return;
  worker.terminate();
  worker = null;
}

/**
 * Checks a package as `verifyPackage` does, in a worker, so that the page keeps painting and
 * answering while a package of photos is inflated, hashed and parsed. The bytes are moved to the
 * worker and back, never copied: `data` is empty once this is called — use the `data` given back.
 */
export function checkPackage(data: Uint8Array): Promise<CheckedFile> {
  return new Promise((resolve, reject) => {
    const request: CheckRequest = { id: ++nextId, data };
    const at = checker();
    waiting.set(request.id, { resolve, reject });
    at.postMessage(request, [data.buffer]);
  });
}
