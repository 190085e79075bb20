import { Box, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { REPORT_LABELS, type CountyReport } from '@shared/domain/countyExport';
import { DEFAULT_LEDGER_FILTER } from '@shared/domain/ledgerFilter';
import { useNotify } from '../../app/notify';
import { useBriefingMonths, useCan, useCountyLayout, useTown } from '../../db/hooks';
import { exportCountySheet } from './countySheet';
import { LayoutDialog } from './LayoutDialog';
import { REPORTS } from './strings';
import { periodOptions, SelectField } from '../../components/SelectField';

const S = REPORTS.county;

/** 县级报表: the results and the ledger as .xlsx in the county's layout. */
export function CountySheetsPanel() {
  const months = useBriefingMonths();
  const town = useTown();
  const [month, setMonth] = useState('');
  const [scope, setScope] = useState<'all' | 'open'>('all');
  const chosenMonth = month || months?.[0] || '';
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const mayLayout = useCan('prints');

  const run = async (report: CountyReport) => {
    setBusy(true);
    try {
      const outcome = await exportCountySheet(report, {
        month: chosenMonth,
        filter: { ...DEFAULT_LEDGER_FILTER, status: scope === 'open' ? 'open' : '' },
        townName: town?.name ?? '',
      });
      if (outcome.status === 'saved') notify.success(S.exported(outcome.path));
      else if (outcome.status === 'failed')
        notify.error(new Error(outcome.message), outcome.message);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 920 }}>
      <Typography color="text.secondary">{S.help}</Typography>
      <ReportCard
        report="results"
        busy={busy || !chosenMonth}
        mayLayout={mayLayout}
        onExport={() => void run('results')}
      >
        <SelectField
          label={S.month}
          value={chosenMonth}
          onChange={setMonth}
          options={periodOptions(months ?? [])}
          sx={{ width: 180 }}
          disabled={!months || months.length === 0}
        />
      </ReportCard>
      <ReportCard
        report="ledger"
        busy={busy}
        mayLayout={mayLayout}
        onExport={() => void run('ledger')}
      >
        <SelectField
          label={S.scope}
          value={scope}
          onChange={(value) => setScope(value as 'all' | 'open')}
          options={[
            { value: 'all', label: S.scopes.all },
            { value: 'open', label: S.scopes.open },
          ]}
          sx={{ width: 180 }}
        />
      </ReportCard>
    </Box>
  );
}

function ReportCard({
  report,
  busy,
  mayLayout,
  onExport,
  children,
}: {
  report: CountyReport;
  busy: boolean;
  /** Whether the account may change the county's column layout (调整格式). */
  mayLayout: boolean;
  onExport: () => void;
  children: React.ReactNode;
}) {
  const layout = useCountyLayout(report);
  const [editing, setEditing] = useState(false);
  return (
    <Paper sx={{ p: 2 }} data-testid={`county-${report}`}>
      <Typography variant="h4">{REPORT_LABELS[report]}</Typography>
      <Typography color="text.secondary" sx={{ mb: 1.5 }} data-testid={`county-${report}-layout`}>
        {layout
          ? `${S.columnsLine(layout.columns.length, layout.titleRows.length)}：${layout.columns
              .map((c) => c.header)
              .join('、')}`
          : ''}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        {children}
        {mayLayout ? (
          <Button onClick={() => setEditing(true)} disabled={!layout}>
            {S.layout}
          </Button>
        ) : null}
        <Button variant="contained" onClick={onExport} disabled={busy}>
          {S.export}
        </Button>
      </Box>
      {editing && layout ? (
        <LayoutDialog report={report} initial={layout} onClose={() => setEditing(false)} />
      ) : null}
    </Paper>
  );
}
