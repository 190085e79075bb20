import type { RowSelectionState } from '@tanstack/react-table';
import { createElement, useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Problem } from '@shared/domain/problem';
import { forgetLedger } from './ledgerMemory';
import { LedgerTable } from './LedgerTable';

const names = new Map([
  ['v-cj', '陈家河村'],
  ['v-bs', '北山村'],
  ['v-bw', '白水村'],
]);

function problem(n: number, villageId: string, description = `问题 ${n}`): Problem {
  const number = `2026-镇督-${String(n).padStart(4, '0')}`;
  return {
    id: `p${n}`,
    createdAt: '2026-11-01T01:00:00.000Z',
    updatedAt: '2026-11-01T01:00:00.000Z',
    updatedBy: '张环保',
    number,
    source: 'town',
    category: '人居环境',
    villageId,
    place: '村口',
    description,
    foundOn: '2026-11-01',
    deadline: '2026-12-30',
    originalDeadline: '2026-12-30',
    extensions: [],
    responsiblePerson: '李主任',
    responsibleLeader: '王书记',
    measures: [],
    progress: [],
    beforePhotos: [],
    afterPhotos: [],
    status: 'pending',
    supervised: false,
    accountability: [],
    reports: [],
  };
}

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

let root: Root | undefined;
let host: HTMLDivElement | undefined;
beforeEach(() => forgetLedger());
afterEach(() => {
  root?.unmount();
  host?.remove();
  root = undefined;
});

const opened: string[] = [];
let selected: RowSelectionState = {};

function Harness({ rows, selectable }: { rows: Problem[]; selectable: boolean }) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  useEffect(() => {
    selected = selection;
  }, [selection]);
  return createElement(LedgerTable, {
    rows,
    names,
    today: '2026-12-06',
    loading: false,
    selectable,
    selection,
    onSelectionChange: setSelection,
    emptyLabel: '台账里还没有问题。',
    onOpen: (p: Problem) => opened.push(p.number),
  });
}

async function show(rows: Problem[], selectable = true) {
  opened.length = 0;
  host = document.createElement('div');
  host.style.height = '400px';
  host.style.width = '1200px';
  document.body.append(host);
  root = createRoot(host);
  // Events come from the browser (userEvent), not from act(): React renders as they come.
  root.render(createElement(Harness, { rows, selectable }));
  await vi.waitFor(() => expect(host?.querySelector('[role=gridcell]')).not.toBeNull());
  return host;
}

const numbers = (grid: HTMLElement) =>
  [...grid.querySelectorAll('[role=row][data-rowindex]:not([data-rowindex="-1"])')]
    .sort(
      (a, b) => Number(a.getAttribute('data-rowindex')) - Number(b.getAttribute('data-rowindex')),
    )
    .map((row) => row.querySelector('[role=gridcell]:nth-child(2)')?.textContent);
const header = (grid: HTMLElement, name: string) =>
  [...grid.querySelectorAll<HTMLElement>('[role=columnheader]')].find(
    (h) => h.textContent === name || h.textContent?.startsWith(name),
  )!;
const cell = (grid: HTMLElement, row: number, col: number) =>
  grid.querySelector<HTMLElement>(`[data-rowindex="${row}"] [data-colindex="${col}"]`)!;

const three = [problem(2, 'v-cj'), problem(10, 'v-bw'), problem(9, 'v-bs')];

describe('the ledger list', () => {
  it('opens newest number first and sorts by a header in 拼音 order', async () => {
    const grid = await show(three);
    expect(numbers(grid)).toEqual(['2026-镇督-0010', '2026-镇督-0009', '2026-镇督-0002']);
    expect(header(grid, '编号').getAttribute('aria-sort')).toBe('descending');

    await userEvent.click(header(grid, '村'));
    // 白水村 bái, 北山村 běi, 陈家河村 chén
    expect(numbers(grid)).toEqual(['2026-镇督-0010', '2026-镇督-0009', '2026-镇督-0002']);
    expect(header(grid, '村').getAttribute('aria-sort')).toBe('ascending');
    expect(header(grid, '编号').getAttribute('aria-sort')).toBe('none');
    await userEvent.click(header(grid, '村'));
    expect(numbers(grid)).toEqual(['2026-镇督-0002', '2026-镇督-0009', '2026-镇督-0010']);
    expect(header(grid, '村').getAttribute('aria-sort')).toBe('descending');
  });

  it('is worked by keyboard: arrows move, Enter opens the item, Space selects its row', async () => {
    const grid = await show(three);
    cell(grid, 0, 1).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await frames();
    expect(document.activeElement).toBe(cell(grid, 2, 1));
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['2026-镇督-0002']);

    await userEvent.keyboard('{ArrowUp}{ }');
    expect(selected).toEqual({ p9: true });
    expect(grid.querySelector('[data-rowindex="1"]')?.getAttribute('aria-selected')).toBe('true');
    expect(opened).toEqual(['2026-镇督-0002']);

    // Up to the header and Enter: 编号 turns from descending to ascending.
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await frames();
    expect(document.activeElement).toBe(header(grid, '编号'));
    await userEvent.keyboard('{Enter}');
    expect(numbers(grid)).toEqual(['2026-镇督-0002', '2026-镇督-0009', '2026-镇督-0010']);
  });

  it('selects a range with Shift and all rows from the header; a click on a checkbox opens nothing', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((n) => problem(n, 'v-bs'));
    const grid = await show(rows);
    const box = (row: number) => cell(grid, row, 0).querySelector('input')!;
    await userEvent.click(box(1));
    await userEvent.click(box(4), { modifiers: ['Shift'] });
    // Rows 1–4 in display order are 0005, 0004, 0003, 0002.
    expect(Object.keys(selected).sort()).toEqual(['p2', 'p3', 'p4', 'p5']);
    expect(opened).toEqual([]);

    const all = grid.querySelector<HTMLInputElement>('[role=columnheader] input')!;
    expect(all.getAttribute('aria-label')).toBe('全选');
    await userEvent.click(all);
    expect(Object.keys(selected)).toHaveLength(6);
    expect(all.getAttribute('aria-label')).toBe('取消全选');
    await userEvent.click(all);
    expect(Object.keys(selected)).toHaveLength(0);
  });

  it('draws only the rows in view of 20,000, and Ctrl+End reaches the last', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => problem(i + 1, 'v-bs'));
    const grid = await show(rows);
    const scroller = grid.querySelector<HTMLElement>('[role=grid]')!;
    expect(scroller.getAttribute('aria-rowcount')).toBe('20001');
    expect(scroller.querySelectorAll('[role=row]').length).toBeLessThan(40);

    cell(grid, 0, 1).focus();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await frames();
    await frames();
    const last = document.activeElement?.closest('[role=row]');
    expect(last?.getAttribute('aria-rowindex')).toBe('20001');
    expect(last?.textContent).toContain('2026-镇督-0001');
    expect(scroller.querySelectorAll('[role=row]').length).toBeLessThan(40);
  });

  it('without a bulk action to take, has no checkboxes and Space selects nothing', async () => {
    const grid = await show(three, false);
    expect(grid.querySelectorAll('input[type=checkbox]')).toHaveLength(0);
    cell(grid, 0, 0).focus();
    await userEvent.keyboard('{ }');
    expect(selected).toEqual({});
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['2026-镇督-0010']);
  });

  it('comes back as it was left: its order, the place it was scrolled to and the focused cell', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => problem(i + 1, i % 2 ? 'v-bs' : 'v-bw'));
    let grid = await show(rows);
    await userEvent.click(header(grid, '村'));
    const scroller = () => grid.querySelector<HTMLElement>('[role=grid]')!;
    scroller().scrollTop = 3600; // row 100 at the top
    await vi.waitFor(() => expect(cell(grid, 102, 3)).not.toBeNull());
    cell(grid, 102, 3).focus();
    await userEvent.keyboard('{ArrowDown}');
    // The focus moves once React has drawn the move; on a busy machine that takes a few frames.
    await vi.waitFor(() => expect(document.activeElement).toBe(cell(grid, 103, 3)));
    const focused = document.activeElement?.closest('[role=row]')?.textContent;
    // Enter opens the item, which leaves the screen.
    await userEvent.keyboard('{Enter}');
    expect(opened).toHaveLength(1);
    root?.unmount();
    host?.remove();

    grid = await show(rows);
    await vi.waitFor(() => expect(document.activeElement).toBe(cell(grid, 103, 3)));
    expect(scroller().scrollTop).toBe(3600);
    expect(document.activeElement?.closest('[role=row]')?.textContent).toBe(focused);
    expect(header(grid, '村').getAttribute('aria-sort')).toBe('ascending');
  });
});
