import { Box, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { BriefingPanel } from './BriefingPanel';
import { CountySheetsPanel } from './CountySheetsPanel';
import { SummaryPanel } from '../summary/SummaryPanel';
import { PrintsPanel } from './PrintsPanel';
import { REPORTS } from './strings';

type TabKey = keyof typeof REPORTS.tabs;

/** 简报报表: the briefing, the other prints, and the county's spreadsheets. */
export function ReportsPage() {
  const [tab, setTab] = useState<TabKey>('briefing');
  return (
    <>
      <PageHeader title={REPORTS.title} subtitle={REPORTS.subtitle} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, value: TabKey) => setTab(value)}>
          {(Object.keys(REPORTS.tabs) as TabKey[]).map((key) => (
            <Tab key={key} value={key} label={REPORTS.tabs[key]} />
          ))}
        </Tabs>
      </Box>
      {tab === 'briefing' ? <BriefingPanel /> : null}
      {tab === 'prints' ? <PrintsPanel /> : null}
      {tab === 'county' ? <CountySheetsPanel /> : null}
      {tab === 'summary' ? <SummaryPanel /> : null}
    </>
  );
}
