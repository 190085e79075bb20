import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowReader, type RowsRead } from './recordRows';

const encoder = new TextEncoder();

/** The reader over `text`'s bytes cut into pieces at `cuts` (as inflating gives them). */
function read(
  text: string | Uint8Array,
  { cuts = [] as number[], maxRows = 1e9, maxRowBytes = 1e9, keep = true } = {},
): RowsRead {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const reader = new RowReader({ keep, maxRows, maxRowBytes });
  let at = 0;
  for (const cut of [...cuts.filter((c) => c <= bytes.length)].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(at, cut));
    at = cut;
  }
  reader.push(bytes.subarray(at));
  return reader.end();
}

/** What reading the whole file as one string and parsing it at once gave (the verifier before). */
function whole(bytes: Uint8Array): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

describe('RowReader: a records file read one row at a time', () => {
  it('gives the rows JSON.parse gives, however the file is cut into pieces', () => {
    const text =
      ' \n[ {"id":"a,]}","n":[1,[2,{"x":"\\"]"}]]} ,"青山镇",-0.5e3,null,true,[] ,{}]\r\n';
    const expected = JSON.parse(text) as unknown[];
    for (let cut = 0; cut <= encoder.encode(text).length; cut += 1)
      expect(read(text, { cuts: [cut, cut + 3] })).toEqual({
        ok: true,
        count: expected.length,
        rows: expected,
      });
    expect(read('[]')).toEqual({ ok: true, count: 0, rows: [] });
    // A byte order mark before the array, as TextDecoder dropped it for JSON.parse.
    expect(read(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('[1]')]))).toMatchObject({
      rows: [1],
    });
  });

  it('takes exactly the files JSON.parse took as an array, with the same rows (property)', () => {
    const file = fc
      .tuple(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.constantFrom('', ' ', '\n', '\t \r\n'),
        // A change to the text: none, a byte dropped, doubled or replaced by a JSON character.
        fc.option(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('drop', 'double', ',', ']', '[', '"', '\\', '}', ' ', '\ufeff'),
          ),
          { nil: undefined },
        ),
      )
      .map(([rows, space, change]) => {
        let text = `${space}[${space}${rows.map((r) => JSON.stringify(r)).join(`${space},${space}`)}${space}]${space}`;
        if (change) {
          const [at, what] = change;
          const i = at % text.length;
          text =
            what === 'drop'
              ? text.slice(0, i) + text.slice(i + 1)
              : what === 'double'
                ? text.slice(0, i) + text.slice(i)
                : text.slice(0, i) + what + text.slice(i + 1);
        }
        return encoder.encode(text);
      });
    fc.assert(
      fc.property(file, fc.array(fc.nat({ max: 400 }), { maxLength: 4 }), (bytes, cuts) => {
        const expected = whole(bytes);
        const got = read(bytes, { cuts });
        if (expected === null) expect(got.ok).toBe(false);
        else expect(got).toEqual({ ok: true, count: expected.length, rows: expected });
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what is not an array, or not JSON', () => {
    expect(read('{"id":"v1"}')).toEqual({ ok: false, problem: 'notArray' });
    expect(read('')).toEqual({ ok: false, problem: 'notArray' });
    for (const bad of ['[1,]', '[,1]', '[1 2]', '[1', '[1]]', '[1] x', '[{"a":1]', '["a]', '[1}]'])
      expect(read(bad)).toEqual({ ok: false, problem: 'syntax' });
    // Not UTF-8 inside a row; a byte order mark inside the file.
    expect(read(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]))).toMatchObject({ ok: false });
    expect(read('[\ufeff1]')).toMatchObject({ ok: false });
  });

  it('stops at one row more than the manifest counts, keeping nothing', () => {
    expect(read('[1,2,3]', { maxRows: 3 })).toMatchObject({ ok: true, count: 3 });
    expect(read('[1,2,3,4]', { maxRows: 3 })).toEqual({ ok: false, problem: 'tooManyRows' });
  });

  it('refuses a row longer than the limit before parsing it, in one piece or across pieces', () => {
    // 12 bytes allowed: `{"a":"1234"}` is 12. The longer row would not parse either: the limit
    // is what is told, so it was judged before JSON.parse saw it.
    expect(read('[{"a":"1234"}]', { maxRowBytes: 12 })).toMatchObject({ ok: true, count: 1 });
    const long = '[{"a":"12345", broken]';
    expect(read(long, { maxRowBytes: 12 })).toEqual({ ok: false, problem: 'rowTooLarge' });
    expect(read(long, { maxRowBytes: 12, cuts: [3, 6, 9, 12, 15] })).toEqual({
      ok: false,
      problem: 'rowTooLarge',
    });
  });

  it('only counts when the rows are not to be kept', () => {
    expect(read('[{"a":1},{"b":2}]', { keep: false })).toEqual({ ok: true, count: 2, rows: [] });
  });
});
