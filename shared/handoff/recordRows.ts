/**
 * The rows of a records file (`records/<table>.json`, one JSON array), read piece by piece as
 * it is inflated. Each row is cut out where its comma or the closing bracket stands outside any
 * string, object or array, and parsed alone (JSON.parse judges its syntax), so that memory holds
 * one row's text at a time besides the rows kept: never the file as one string and all of it
 * parsed at once, which for a file of the 512 MiB an entry may have took several times that.
 */
export type RowsRead =
  | { ok: true; count: number; rows: unknown[] }
  | {
      ok: false;
      /** `notArray`: it does not begin with `[`; `syntax`: not JSON; the others: over a limit. */
      problem: 'notArray' | 'syntax' | 'tooManyRows' | 'rowTooLarge';
    };

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BOM = [0xef, 0xbb, 0xbf];
const BACKSLASH = 0x5c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export class RowReader {
  private state: 'bom' | 'start' | 'first' | 'next' | 'row' | 'done' | 'failed' = 'bom';
  private problem: Exclude<RowsRead, { ok: true }>['problem'] = 'syntax';
  private bomAt = 0;
  /** Depth of objects and arrays inside the row being read; whether in a string, after `\`. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The row's bytes from earlier pieces, and how many. */
  private carried: Uint8Array[] = [];
  private carriedBytes = 0;
  private readonly rows: unknown[] = [];
  private count = 0;
  /** A byte order mark inside the file is not JSON's white space: kept, and refused. */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(
    private readonly options: {
      /** Keep the rows parsed (the app imports them), or only count them (the command line). */
      keep: boolean;
      /** More rows than this are refused as soon as there are more. */
      maxRows: number;
      /** A row longer than this is refused before it is parsed. */
      maxRowBytes: number;
    },
  ) {}

  /** Reads the next piece of the file; false once it is refused (the rest need not come). */
  push(piece: Uint8Array): boolean {
    let rowStart = this.state === 'row' ? 0 : -1;
    for (let i = 0; i < piece.length; i += 1) {
      const b = piece[i]!;
      if (this.state === 'failed') return false;
      if (this.state === 'bom') {
        // TextDecoder drops a byte order mark, and so JSON.parse of the whole file took one.
        if (b === BOM[this.bomAt]) {
          this.bomAt += 1;
          if (this.bomAt === BOM.length) this.state = 'start';
          continue;
        }
        if (this.bomAt > 0) return this.fail('notArray');
        this.state = 'start';
      }
      if (this.state === 'start') {
        if (isSpace(b)) continue;
        if (b !== OPEN_ARRAY) return this.fail('notArray');
        this.state = 'first';
        continue;
      }
      if (this.state === 'first' || this.state === 'next') {
        if (isSpace(b)) continue;
        if (b === CLOSE_ARRAY) {
          // `[]`, or a comma before the bracket (`[1,]`).
          if (this.state === 'next') return this.fail('syntax');
          this.state = 'done';
          continue;
        }
        // This byte is the row's first.
        this.state = 'row';
        rowStart = i;
      }
      if (this.state === 'row') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (b === BACKSLASH) this.escaped = true;
          else if (b === QUOTE) this.inString = false;
        } else if (b === QUOTE) this.inString = true;
        else if (b === OPEN_ARRAY || b === OPEN_OBJECT) this.depth += 1;
        else if (this.depth > 0 && (b === CLOSE_ARRAY || b === CLOSE_OBJECT)) this.depth -= 1;
        else if (this.depth === 0 && (b === COMMA || b === CLOSE_ARRAY)) {
          if (!this.endRow(piece.subarray(rowStart, i))) return false;
          rowStart = -1;
          this.state = b === COMMA ? 'next' : 'done';
        }
        continue;
      }
      // Done: only white space may follow.
      if (!isSpace(b)) return this.fail('syntax');
    }
    if (this.state === 'row' && rowStart >= 0) {
      // The row goes on in the next piece: its part here is kept (a copy: pieces may be reused).
      const part = piece.slice(rowStart);
      this.carriedBytes += part.length;
      if (this.carriedBytes > this.options.maxRowBytes) return this.fail('rowTooLarge');
      this.carried.push(part);
    }
    return true;
  }

  end(): RowsRead {
    if (this.state === 'failed') return { ok: false, problem: this.problem };
    if (this.state !== 'done')
      return {
        ok: false,
        problem: this.state === 'bom' || this.state === 'start' ? 'notArray' : 'syntax',
      };
    return { ok: true, count: this.count, rows: this.rows };
  }

  private endRow(last: Uint8Array): boolean {
    let text = last;
    if (this.carried.length > 0) {
      text = new Uint8Array(this.carriedBytes + last.length);
      let at = 0;
      for (const part of this.carried) {
        text.set(part, at);
        at += part.length;
      }
      text.set(last, at);
      this.carried = [];
      this.carriedBytes = 0;
    }
    if (text.length > this.options.maxRowBytes) return this.fail('rowTooLarge');
    let row: unknown;
    try {
      row = JSON.parse(this.decoder.decode(text));
    } catch {
      return this.fail('syntax');
    }
    this.count += 1;
    if (this.count > this.options.maxRows) return this.fail('tooManyRows');
    if (this.options.keep) this.rows.push(row);
    return true;
  }

  /** Stops reading, keeping nothing: the first problem is the one told. */
  private fail(problem: Exclude<RowsRead, { ok: true }>['problem']): false {
    this.state = 'failed';
    this.problem = problem;
    this.carried = [];
    this.rows.length = 0;
    return false;
  }
}
