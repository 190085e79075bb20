import { useState } from 'react';
import { validateVillageList } from '@shared/domain/village';
import type { ValidationIssue } from '@shared/domain/validation';
import { platform } from '../../platform';
import {
  readVillageListFile,
  VILLAGE_LIST_FILTERS,
  VILLAGE_LIST_MAX_BYTES,
} from './villageListFile';

/**
 * Picks a village list file and validates it against `existing` names. Resolves with the names
 * when the whole file is good; otherwise keeps the issues (with the file's row numbers).
 */
export function useVillageListImport() {
  const [issues, setIssues] = useState<{ fileName: string; issues: ValidationIssue[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  async function pick(
    existing: readonly string[] = [],
  ): Promise<{ names: string[]; fileName: string } | null> {
    setIssues(null);
    const opened = await platform.openFile({
      filters: VILLAGE_LIST_FILTERS,
      maxBytes: VILLAGE_LIST_MAX_BYTES,
    });
    if (opened.status === 'canceled') return null;
    if (opened.status === 'failed') {
      setIssues({ fileName: '', issues: [{ field: 'file', message: opened.message }] });
      return null;
    }
    setBusy(true);
    try {
      const read = await readVillageListFile(opened);
      if (!read.ok) {
        setIssues({ fileName: opened.name, issues: [read.issue] });
        return null;
      }
      const checked = validateVillageList(read.names, { firstRow: read.firstRow, existing });
      if (checked.issues.length > 0) {
        setIssues({ fileName: opened.name, issues: checked.issues });
        return null;
      }
      return { names: checked.names, fileName: opened.name };
    } finally {
      setBusy(false);
    }
  }

  return { pick, issues, busy, clear: () => setIssues(null) };
}
