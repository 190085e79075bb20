import { Box, Button, Paper, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useBriefingMonths, useFlagPeriods, useVillages } from '../../db/hooks';
import { REPORTS } from './strings';
import { periodOptions, SelectField } from '../../components/SelectField';

const S = REPORTS.prints;

/** The other prints: the 红黄榜 notice, a village's report card, and where the ledger prints. */
export function PrintsPanel() {
  const periods = useFlagPeriods();
  const months = useBriefingMonths();
  const villages = useVillages();
  const navigate = useNavigate();
  const [period, setPeriod] = useState('');
  const [villageId, setVillageId] = useState('');
  const [month, setMonth] = useState('');
  const chosenPeriod = period || periods?.[0] || '';
  const chosenVillage = villageId || villages?.[0]?.id || '';
  const chosenMonth = month || months?.[0] || '';

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 920 }}>
      <Card title={S.noticeTitle} help={S.noticeHelp}>
        {periods && periods.length > 0 ? (
          <>
            <SelectField
              label={S.period}
              value={chosenPeriod}
              onChange={setPeriod}
              options={periodOptions(periods)}
              sx={{ width: 200 }}
            />
            <Button
              variant="outlined"
              onClick={() => void navigate(`/print/notice/${chosenPeriod}`)}
            >
              {S.openNotice}
            </Button>
          </>
        ) : (
          <Typography color="text.secondary">{S.noPeriods}</Typography>
        )}
      </Card>
      <Card title={S.cardTitle} help={S.cardHelp}>
        <SelectField
          label={S.village}
          value={chosenVillage}
          onChange={setVillageId}
          options={(villages ?? []).map((v) => ({ value: v.id, label: v.name }))}
          sx={{ width: 180 }}
        />
        <SelectField
          label={S.month}
          value={chosenMonth}
          onChange={setMonth}
          options={periodOptions(months ?? [])}
          sx={{ width: 180 }}
          disabled={!months || months.length === 0}
        />
        <Button
          variant="outlined"
          disabled={!chosenVillage || !chosenMonth}
          onClick={() => void navigate(`/print/village/${chosenVillage}/${chosenMonth}`)}
        >
          {S.openCard}
        </Button>
      </Card>
      <Card title={S.ledgerTitle} help={S.ledgerHelp}>
        <Button variant="outlined" onClick={() => void navigate('/ledger')}>
          {S.openLedger}
        </Button>
      </Card>
    </Box>
  );
}

function Card({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h4">{title}</Typography>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        {help}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        {children}
      </Box>
    </Paper>
  );
}
