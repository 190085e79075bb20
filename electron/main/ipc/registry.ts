import type { ApiMethod, EcoDeskApi } from '@shared/ipc/api';
import { API_METHODS, CHANNELS } from '@shared/ipc/channels';
import { ARGUMENT_SCHEMAS } from '@shared/ipc/schemas';
import { isTrustedSender } from '../navigation';

/** The part of an `IpcMainInvokeEvent` the registry reads. */
export interface InvokeEvent<Sender> {
  senderFrame: { url: string; parent: unknown } | null;
  sender: Sender;
}

export interface IpcMainLike<Sender> {
  handle(
    channel: string,
    listener: (event: InvokeEvent<Sender>, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/** One handler per API method; it also receives the calling window's web contents. */
export type ApiHandlers<Sender> = {
  [M in ApiMethod]: (
    sender: Sender,
    ...args: Parameters<EcoDeskApi[M]>
  ) => ReturnType<EcoDeskApi[M]> | Awaited<ReturnType<EcoDeskApi[M]>>;
};

export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/**
 * Registers every method of the contract: the sender must be the app's own main frame, and the
 * arguments must pass the method's zod schema, before the handler runs. The app's origin is
 * `app://eco-desk` unless `appOrigin` names another: only the desktop bridge's tests do, for the
 * one http origin they serve the build on (the composition root never passes it).
 */
export function registerApiHandlers<Sender>(
  ipc: IpcMainLike<Sender>,
  handlers: ApiHandlers<Sender>,
  log: (message: string) => void = () => undefined,
  options: { appOrigin?: string } = {},
): void {
  for (const method of API_METHODS) {
    ipc.handle(CHANNELS[method], async (event, ...args) => {
      const frame = event.senderFrame
        ? { url: event.senderFrame.url, isMainFrame: event.senderFrame.parent === null }
        : null;
      if (!isTrustedSender(frame, options.appOrigin)) {
        log(`refused ${method} from ${frame?.url ?? 'unknown frame'}`);
        throw new IpcRefusedError(`${method}: sender not trusted`);
      }
      const parsed = ARGUMENT_SCHEMAS[method].safeParse(args);
      if (!parsed.success) {
        log(`refused ${method}: ${parsed.error.message}`);
        throw new IpcRefusedError(`${method}: invalid arguments`);
      }
      const handler = handlers[method] as (sender: Sender, ...a: unknown[]) => unknown;
      return await handler(event.sender, ...(parsed.data as unknown[]));
    });
  }
}
