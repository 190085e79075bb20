import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { periodLabel } from '@shared/domain/period';
import { NATIVE_SELECT } from '../../components/nativeSelect';
import { useBriefingMonths, useFlagPeriods, useVillages } from '../../db/hooks';
import { REPORTS } from './strings';

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
            <TextField
              select
              label={S.period}
              value={chosenPeriod}
              onChange={(e) => setPeriod(e.target.value)}
              slotProps={NATIVE_SELECT}
              sx={{ width: 200 }}
            >
              {periods.map((p) => (
                <option key={p} value={p}>
                  {periodLabel(p)}
                </option>
              ))}
            </TextField>
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
        <TextField
          select
          label={S.village}
          value={chosenVillage}
          onChange={(e) => setVillageId(e.target.value)}
          slotProps={NATIVE_SELECT}
          sx={{ width: 180 }}
        >
          {(villages ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={S.month}
          value={chosenMonth}
          onChange={(e) => setMonth(e.target.value)}
          slotProps={NATIVE_SELECT}
          sx={{ width: 180 }}
          disabled={!months || months.length === 0}
        >
          {(months ?? []).map((m) => (
            <option key={m} value={m}>
              {periodLabel(m)}
            </option>
          ))}
        </TextField>
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
