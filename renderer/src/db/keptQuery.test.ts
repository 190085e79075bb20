import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptQuery, type KeptQuery } from './keptQuery';

// On Chromium's own IndexedDB: the writes that mark an answer out of date are real commits.

let counter = 0;
let db: Dexie;
let other: Dexie;
let reads: string[];

/** Counts the rows of `a` (and of `b` as an unwatched table), noting each read's key. */
function counting(gate?: () => Promise<void>): KeptQuery<{ key: string; rows: number }> {
  return keptQuery(
    () => db.name,
    ['a'],
    async (key) => {
      reads.push(key);
      const rows = await db.table('a').count();
      await gate?.();
      return { key, rows };
    },
  );
}

/** Subscribes and resolves with the answer given to the next notification. */
function nextAnswer<T>(query: KeptQuery<T>, key: string) {
  return new Promise<T | undefined>((resolve) => {
    const stop = query.subscribe(key, () => {
      stop();
      resolve(query.answer(key)?.value);
    });
  });
}

beforeEach(async () => {
  counter += 1;
  reads = [];
  const open = (name: string) => {
    const d = new Dexie(name);
    d.version(1).stores({ a: 'id', b: 'id' });
    return d;
  };
  db = open(`kept-${counter}`);
  other = open(`kept-other-${counter}`);
  await Promise.all([db.open(), other.open()]);
});

afterEach(async () => {
  db.close();
  other.close();
  await Promise.all([Dexie.delete(db.name), Dexie.delete(other.name)]);
});

describe('keptQuery', () => {
  it('answers a screen coming back at once, without reading again', async () => {
    const query = counting();
    expect(query.answer('2026-06-15')).toBeUndefined();
    expect(await nextAnswer(query, '2026-06-15')).toEqual({ key: '2026-06-15', rows: 0 });
    // Asked again after the first screen has gone: the answer is there before any read.
    const stop = query.subscribe('2026-06-15', () => undefined);
    expect(query.answer('2026-06-15')?.value).toEqual({ key: '2026-06-15', rows: 0 });
    stop();
    expect(reads).toEqual(['2026-06-15']);
  });

  it('reads again after a write to its table: at once while shown, else when next asked', async () => {
    const query = counting();
    await nextAnswer(query, 'k');
    // Nobody looks: the write drops the answer but reads nothing yet.
    await db.table('a').put({ id: 1 });
    expect(reads).toEqual(['k']);
    expect(query.answer('k')).toBeUndefined();
    expect(await nextAnswer(query, 'k')).toEqual({ key: 'k', rows: 1 });
    expect(reads).toEqual(['k', 'k']);

    // Shown: a write brings the new answer to the screen, the old one kept until then.
    const seen: (number | undefined)[] = [];
    const stop = query.subscribe('k', () => seen.push(query.answer('k')?.value?.rows));
    expect(query.answer('k')?.value?.rows).toBe(1);
    await db.table('a').bulkPut([{ id: 2 }, { id: 3 }]);
    expect(query.answer('k')?.value?.rows).toBe(1);
    await expect.poll(() => seen).toEqual([3]);
    stop();
    expect(reads).toEqual(['k', 'k', 'k']);
  });

  it('never hands a screen newly opened an answer older than a write, even one the screen before kept', async () => {
    let release = () => undefined as void;
    let hold = false;
    const query = counting(() =>
      hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
    );
    await nextAnswer(query, 'k');
    // A screen shows 0 rows; a row is written, and its new read is held back.
    hold = true;
    const stop = query.subscribe('k', () => undefined);
    await db.table('a').put({ id: 1 });
    await expect.poll(() => reads.length).toBe(2);
    expect(query.answer('k')?.value?.rows).toBe(0);
    // The screen goes before the new answer, and the next screen opens: nothing to show yet.
    stop();
    expect(query.answer('k')).toBeUndefined();
    const next: (number | undefined)[] = [];
    const stopNext = query.subscribe('k', () => next.push(query.answer('k')?.value?.rows));
    expect(query.answer('k')).toBeUndefined();
    hold = false;
    release();
    await expect.poll(() => next).toEqual([1]);
    stopNext();
    expect(reads).toEqual(['k', 'k']);
  });

  it('is not read again for a write to another table or another database', async () => {
    const query = counting();
    await nextAnswer(query, 'k');
    await db.table('b').put({ id: 1 });
    await other.table('a').put({ id: 1 });
    const stop = query.subscribe('k', () => undefined);
    stop();
    expect(reads).toEqual(['k']);
  });

  it('reads again when a write lands during its read, so the answer is never older than the data', async () => {
    let release = () => undefined as void;
    let first = true;
    const query = counting(() =>
      first
        ? new Promise<void>((resolve) => {
            first = false;
            release = resolve;
          })
        : Promise.resolve(),
    );
    const seen: (number | undefined)[] = [];
    const stop = query.subscribe('k', () => seen.push(query.answer('k')?.value?.rows));
    await expect.poll(() => reads.length).toBe(1);
    // The first read has counted 0 rows; a row is written before it answers. The screen had no
    // answer yet, so it is not given that one: it waits for the second read.
    await db.table('a').put({ id: 1 });
    release();
    await expect.poll(() => seen).toEqual([1]);
    stop();
    expect(reads).toEqual(['k', 'k']);
  });

  it('keeps one key: asking for the next day drops the day before', async () => {
    const query = counting();
    await nextAnswer(query, '2026-06-15');
    expect(await nextAnswer(query, '2026-06-16')).toEqual({ key: '2026-06-16', rows: 0 });
    expect(query.answer('2026-06-15')).toBeUndefined();
    await nextAnswer(query, '2026-06-15');
    expect(reads).toEqual(['2026-06-15', '2026-06-16', '2026-06-15']);
  });

  it('gives the error a read met, and reads again after the next write', async () => {
    let fail = true;
    const query = keptQuery(
      () => db.name,
      ['a'],
      async () => {
        if (fail) throw new Error('读取失败');
        return db.table('a').count();
      },
    );
    await new Promise<void>((resolve) => {
      const stop = query.subscribe('k', () => {
        stop();
        resolve();
      });
    });
    expect(query.answer('k')?.error).toEqual(new Error('读取失败'));
    fail = false;
    const seen: (number | undefined)[] = [];
    const stop = query.subscribe('k', () => seen.push(query.answer('k')?.value));
    await db.table('a').put({ id: 1 });
    await expect.poll(() => seen).toEqual([1]);
    expect(query.answer('k')?.error).toBeUndefined();
    stop();
  });
});
