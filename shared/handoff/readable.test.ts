import { describe, expect, it } from 'vitest';
import type { PeriodResult } from '../domain/assessment';
import type { Problem } from '../domain/problem';
import type { Briefing } from '../domain/briefing';
import { briefingForPackage, briefingPdfName, ledgerSheet, resultsSheet } from './readable';

describe('readable copies', () => {
  it('list the ledger by number with names and Chinese labels, never the complainant', () => {
    const p = {
      number: '2026-群诉-0001',
      source: 'public',
      category: '人居环境',
      villageId: 'v1',
      place: '二组',
      description: '夜间焚烧垃圾',
      foundOn: '2026-03-01',
      deadline: '2026-03-10',
      responsiblePerson: '张三',
      status: 'inProgress',
      supervised: true,
      complainant: '王某（保密）',
    } as Problem;
    const upper = {
      ...p,
      number: '2026-上督-0001',
      source: 'upper',
      countyNumber: 'LS-2026-031',
      requirement: '立即清运',
      complainant: undefined,
    } as Problem;
    const rows = ledgerSheet([p, upper], new Map([['v1', '张家村']]));
    expect(rows[0]?.slice(0, 8)).toEqual([
      '编号',
      '来源',
      '上级问题编号',
      '类别',
      '村',
      '地点',
      '问题描述',
      '整改要求',
    ]);
    // The county's own number and demand are kept for its items.
    expect(rows[1]?.slice(0, 8)).toEqual([
      '2026-上督-0001',
      '上级督查反馈',
      'LS-2026-031',
      '人居环境',
      '张家村',
      '二组',
      '夜间焚烧垃圾',
      '立即清运',
    ]);
    expect(rows[2]).toEqual([
      '2026-群诉-0001',
      '群众申诉反映',
      '',
      '人居环境',
      '张家村',
      '二组',
      '夜间焚烧垃圾',
      '',
      '2026-03-01',
      '2026-03-10',
      '张三',
      '整改中',
      '是',
    ]);
    expect(JSON.stringify(rows)).not.toContain('王某');
  });

  it('list each period’s scores and flags; a withdrawn red flag is not shown as awarded', () => {
    const result = {
      id: '2026-05',
      rows: [
        {
          name: '张家村',
          score: 98,
          rank: 1,
          flag: 'red',
          flagReason: '第 1 名',
          withdrawn: { reason: 'x', at: '', by: '' },
        },
        { name: '李家村', score: 80, rank: 2, flag: 'yellow', flagReason: '末位' },
      ],
    } as unknown as PeriodResult;
    expect(resultsSheet([result]).slice(1)).toEqual([
      ['2026-05', '张家村', 98, 1, '', '第 1 名'],
      ['2026-05', '李家村', 80, 2, '黄旗', '末位'],
    ]);
  });

  it('carry the latest issued briefing of the period as a PDF (a re-issue replaces the first)', () => {
    const b = (id: string, month: string, issuedAt: string, over: Partial<Briefing> = {}) =>
      ({ id, month, status: 'issued', issuedAt, focus: '', ...over }) as Briefing;
    const issued = [
      b('sep', '2026-09', '2026-10-05T09:00:00Z'),
      b('oct-1', '2026-10', '2026-11-03T09:00:00Z'),
      b('oct-2', '2026-10', '2026-11-04T09:00:00Z'),
      b('nov-draft', '2026-11', '', { status: 'draft' }),
      b('nov-deleted', '2026-11', '2026-12-01T09:00:00Z', { deletedAt: '2026-12-02T00:00:00Z' }),
    ];
    expect(briefingForPackage(issued, { from: '', to: '' })?.id).toBe('oct-2');
    expect(briefingForPackage(issued, { from: '2026-01', to: '2026-09' })?.id).toBe('sep');
    expect(briefingForPackage(issued, { from: '2026-11', to: '' })).toBeNull();
    expect(briefingPdfName('2026-10')).toBe('readable/月度通报-2026-10.pdf');
  });
});
