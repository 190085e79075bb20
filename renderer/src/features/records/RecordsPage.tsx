import { Box, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { RECORD_DEFS, RECORD_KINDS, type RecordKind } from '@shared/domain/workRecords';
import { PageHeader } from '../../components/PageHeader';
import { RecordSection } from './RecordSection';
import { RECORDS } from './strings';
import { SelectField, yearOptions } from '../../components/SelectField';

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
          <SelectField
            label={RECORDS.year}
            value={String(year)}
            onChange={(value) => setYear(Number(value))}
            options={yearOptions()}
            sx={{ width: 140 }}
          />
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
