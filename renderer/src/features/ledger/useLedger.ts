import { useEffect, useMemo, useState } from 'react';
import { toIsoDate } from '@shared/domain/dates';
import {
  DEFAULT_LEDGER_FILTER,
  matchesFilter,
  type LedgerFilter,
} from '@shared/domain/ledgerFilter';
import { DEFAULT_PROBLEM_CATEGORIES } from '@shared/domain/problem';
import { useLedgerTally, useLedgerViews, useProblems, useVillages } from '../../db/hooks';
import { ledgerMemory } from './ledgerMemory';

/**
 * The ledger screen's state: the filter (opening on unfinished items, read through the status
 * index; kept while the app is open, `ledgerMemory`), the rows it lets through, saved views, village names and the categories in use.
 */
export function useLedger() {
  const today = toIsoDate(new Date());
  const [filter, setFilter] = useState<LedgerFilter>(ledgerMemory.filter);
  const [viewName, setViewName] = useState(ledgerMemory.viewName);
  useEffect(() => {
    ledgerMemory.filter = filter;
    ledgerMemory.viewName = viewName;
  }, [filter, viewName]);
  const problems = useProblems(filter.status === 'open');
  const villages = useVillages(true);
  const views = useLedgerViews();
  const tally = useLedgerTally();
  const names = useMemo(() => new Map((villages ?? []).map((v) => [v.id, v.name])), [villages]);
  const categories = useMemo(
    () => [
      ...new Set([...DEFAULT_PROBLEM_CATEGORIES, ...(tally ?? []).map((row) => row.category)]),
    ],
    [tally],
  );
  const rows = useMemo(
    () => (problems ?? []).filter((p) => matchesFilter(p, filter, today)),
    [problems, filter, today],
  );
  return {
    today,
    loading: problems === undefined,
    rows,
    /** The ledger holds items at all (a list the filter empties says so, not 台账里还没有问题). */
    hasItems: (tally ?? []).some((row) => row.total > 0),
    filter,
    /** Changes part of the filter; the chosen view no longer describes it. */
    change: (patch: Partial<LedgerFilter>) => {
      setFilter((f) => ({ ...f, ...patch }));
      setViewName('');
    },
    applyView: (name: string) => {
      const view = (views ?? []).find((v) => v.name === name);
      setFilter(view ? view.filter : DEFAULT_LEDGER_FILTER);
      setViewName(view ? name : '');
    },
    clear: () => {
      setFilter(DEFAULT_LEDGER_FILTER);
      setViewName('');
    },
    viewName,
    setViewName,
    views: views ?? [],
    villages: (villages ?? []).filter((v) => !v.deletedAt),
    names,
    categories,
    tally,
  };
}
