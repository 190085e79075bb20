import { Box, Tab, Tabs, TextField } from '@mui/material';
import { useState } from 'react';
import { RECORD_DEFS, RECORD_KINDS, type RecordKind } from '@shared/domain/workRecords';
import { NATIVE_SELECT } from '../../components/nativeSelect';
import { PageHeader } from '../../components/PageHeader';
import { RecordSection } from './RecordSection';
import { RECORDS } from './strings';

/** The last ten years, this one first. */
export const recentYears = (): number[] => {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => now - i);
};

/** 工作记录: every kind of work record and campaign, a year at a time. */
export function RecordsPage() {
  const [kind, setKind] = useState<RecordKind>('study');
  const [year, setYear] = useState(new Date().getFullYear());
  return (
    <>
      <PageHeader
        title={RECORDS.title}
        subtitle={RECORDS.subtitle}
        actions={
          <TextField
            select
            label={RECORDS.year}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            slotProps={NATIVE_SELECT}
            sx={{ width: 140 }}
          >
            {recentYears().map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </TextField>
        }
      />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={kind}
          onChange={(_e, value: RecordKind) => setKind(value)}
          variant="scrollable"
        >
          {RECORD_KINDS.map((k) => (
            <Tab key={k} value={k} label={RECORD_DEFS[k].label} />
          ))}
        </Tabs>
      </Box>
      <RecordSection key={kind} kind={kind} year={year} />
    </>
  );
}
