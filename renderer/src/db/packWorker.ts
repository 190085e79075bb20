/// <reference lib="webworker" />
import { answerPackOp, type PackRequest } from './packOps';

/** A packing worker: packs the entries the page sends, as they come (see packOps.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<PackRequest>) => {
  const response = await answerPackOp(event.data);
  scope.postMessage(response, response.ok ? response.packed.map((p) => p.compressed.buffer) : []);
};
