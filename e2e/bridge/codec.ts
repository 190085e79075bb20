/**
 * What Electron's structured clone does between the preload and the main process, as far as the
 * contract uses it: plain objects, arrays, strings, numbers, booleans, null, undefined, Dates
 * and Uint8Arrays (a Node Buffer arrives in the page as a Uint8Array, as in Electron). Anything
 * else — a function, a class instance, a Map — is refused as Electron refuses what it cannot
 * clone. Runs on both sides of the bridge (the page and the test's Node process).
 */
const BYTES = '$bridgeBytes';
const DATE = '$bridgeDate';
const UNDEFINED = '$bridgeUndefined';

export class CloneError extends Error {
  override name = 'CloneError';
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function pack(value: unknown, depth: number): unknown {
  if (depth > 64) throw new CloneError('An object could not be cloned (too deep).');
  if (value === undefined) return { [UNDEFINED]: 1 };
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (value instanceof Uint8Array) return { [BYTES]: toBase64(value) };
  if (value instanceof Date) return { [DATE]: value.toISOString() };
  if (Array.isArray(value)) return value.map((v) => pack(v, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('$bridge')) throw new CloneError(`reserved key ${key}`);
      out[key] = pack(v, depth + 1);
    }
    return out;
  }
  throw new CloneError(`An object could not be cloned (${Object.prototype.toString.call(value)}).`);
}

function unpack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpack);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record[BYTES] === 'string') return fromBase64(record[BYTES]);
  if (typeof record[DATE] === 'string') return new Date(record[DATE]);
  if (record[UNDEFINED] === 1) return undefined;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unpack(v)]));
}

export const encode = (value: unknown): string => JSON.stringify(pack(value, 0));
export const decode = (text: string): unknown => unpack(JSON.parse(text));
