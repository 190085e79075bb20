/**
 * TextEncoder and TextDecoder exist in every place shared code runs (the page, Electron's main
 * process, Node scripts and tests) but belong to neither the ES lib nor a runtime-neutral one.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
