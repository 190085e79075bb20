import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import {
  deadlineState,
  PROBLEM_SOURCES,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '@shared/domain/ledger';
import { CountsTable } from '../dashboard/LedgerSummary';
import { toIsoDate } from '@shared/domain/dates';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useTownDrill } from '../../db/hooks';
import { COUNTY } from './strings';

const D = COUNTY.drill;
const PAGE = 100;

/** One town at the county, read only: its villages and its ledger items, overdue marked. */
export function TownDrillPage() {
  const { id = '' } = useParams();
  // A town of ten years has 20,000 items: a hundred at a time, by deadline.
  const [shownCount, setShownCount] = useState(PAGE);
  const today = toIsoDate(new Date());
  const drill = useTownDrill(id, shownCount, today);
  if (drill === undefined) return null;
  if (drill === null) return <Alert severity="warning">{D.missing}</Alert>;
  const villageName = new Map(drill.villages.map((v) => [v.id, v.name]));
  const { stats, total } = drill;
  return (
    <>
      <PageHeader
        title={drill.town.name}
        subtitle={D.readOnly}
        actions={
          <Button component={RouterLink} to="/">
            {D.back}
          </Button>
        }
      />
      <Box sx={{ display: 'grid', gap: 3 }}>
        <SectionCard title={D.villages(drill.villages.length)}>
          <Typography>{drill.villages.map((v) => v.name).join('、')}</Typography>
        </SectionCard>
        <SectionCard title={D.bySourceAndCategory}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { md: '1fr 1fr' } }}>
            <CountsTable
              title={D.bySourceTitle}
              heading={D.bySource}
              rows={PROBLEM_SOURCES.map((s) => [SOURCE_LABELS[s], stats.bySource[s]])}
            />
            <CountsTable
              title={D.byCategoryTitle}
              heading={D.byCategory}
              rows={[...stats.byCategory]
                .sort((a, b) => b[1].open - a[1].open || a[0].localeCompare(b[0], 'zh-CN'))
                .map(([c, counts]) => [c, counts])}
            />
          </Box>
        </SectionCard>
        <SectionCard title={D.problems(total)}>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label={D.problems(total)}>
              <TableHead>
                <TableRow>
                  {Object.values(D.columns).map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                  <TableCell>问题描述</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {drill.problems.map((p) => (
                  <TableRow key={p.id} data-testid="drill-problem">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.number}</TableCell>
                    <TableCell>{p.villageId ? (villageName.get(p.villageId) ?? '') : ''}</TableCell>
                    <TableCell>{p.category}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {STATUS_LABELS[p.status]}
                      {deadlineState(p.status, p.deadline, today) === 'overdue' ? (
                        <Chip size="small" color="error" label="逾期" sx={{ ml: 1 }} />
                      ) : null}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.deadline}</TableCell>
                    <TableCell>{p.description}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {total > drill.problems.length ? (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 1 }}>
              <Typography color="text.secondary">
                {D.shown(drill.problems.length, total)}
              </Typography>
              <Button size="small" onClick={() => setShownCount((n) => n + PAGE)}>
                {D.more(Math.min(PAGE, total - drill.problems.length))}
              </Button>
            </Box>
          ) : null}
        </SectionCard>
      </Box>
    </>
  );
}
