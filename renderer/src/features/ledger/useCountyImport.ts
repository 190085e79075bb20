import { useMemo, useState } from 'react';
import {
  applyRemembered,
  cellText,
  checkSheet,
  findHeaderRow,
  planImport,
  rememberMapping,
  type Cell,
  type ColumnMapping,
  type ImportField,
} from '@shared/domain/countyImport';
import { DEFAULT_PROBLEM_CATEGORIES, type UpperLevel } from '@shared/domain/problem';
import { useExternalKeys, useImportMapping, useVillages } from '../../db/hooks';

/**
 * The county import's state for one opened sheet: level, batch, header row and mapping (starting
 * from the mapping remembered for the level), and the dry run recomputed on every change.
 */
export function useCountyImport(rows: Cell[][]) {
  const [level, setLevel] = useState<UpperLevel>('county');
  const [batch, setBatch] = useState('');
  const [defaultCategory, setDefaultCategory] = useState(DEFAULT_PROBLEM_CATEGORIES[0]!);
  const [headerRow, setHeaderRow] = useState(() => findHeaderRow(rows));
  const headers = useMemo(() => (rows[headerRow] ?? []).map(cellText), [rows, headerRow]);
  const remembered = useImportMapping(level);
  const [edits, setEdits] = useState<Partial<ColumnMapping>>({});
  // The mapping: guessed from the headers, the remembered one on top, the user's choices last.
  const mapping = useMemo<ColumnMapping>(
    () => ({ ...applyRemembered(headers, remembered ?? undefined), ...edits }),
    [headers, remembered, edits],
  );
  const villages = useVillages();
  const options = useMemo(
    () => ({
      level,
      batch,
      defaultCategory,
      villages: (villages ?? []).map((v) => ({ id: v.id, name: v.name, secretary: v.secretary })),
    }),
    [level, batch, defaultCategory, villages],
  );
  const sheetError = checkSheet(rows, headerRow, mapping);
  const probe = useMemo(
    () => (sheetError ? null : planImport(rows, headerRow, mapping, options, new Set())),
    [rows, headerRow, mapping, options, sheetError],
  );
  const existing = useExternalKeys(probe?.fresh.map((r) => r.key) ?? []);
  const plan = useMemo(
    () => (probe && existing ? planImport(rows, headerRow, mapping, options, existing) : undefined),
    [probe, existing, rows, headerRow, mapping, options],
  );
  return {
    level,
    // Another level or header row starts again from that mapping.
    setLevel: (next: UpperLevel) => {
      setLevel(next);
      setEdits({});
    },
    batch,
    setBatch,
    defaultCategory,
    setDefaultCategory,
    headerRow,
    setHeaderRow: (next: number) => {
      setHeaderRow(next);
      setEdits({});
    },
    headers,
    mapping,
    setColumn: (field: ImportField, column: number | null) =>
      setEdits((e) => ({ ...e, [field]: column })),
    sheetError,
    plan,
    ready: villages !== undefined && remembered !== undefined,
    remember: () => rememberMapping(mapping, headers),
    villageNames: new Map((villages ?? []).map((v) => [v.id, v.name])),
  };
}
