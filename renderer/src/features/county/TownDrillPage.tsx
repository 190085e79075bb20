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
import { Link as RouterLink, useParams } from 'react-router';
import { deadlineState, STATUS_LABELS } from '@shared/domain/ledger';
import { toIsoDate } from '@shared/domain/dates';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useTownDrill } from '../../db/hooks';
import { COUNTY } from './strings';

const D = COUNTY.drill;

/** One town at the county, read only: its villages and its ledger items, overdue marked. */
export function TownDrillPage() {
  const { id = '' } = useParams();
  const drill = useTownDrill(id);
  const today = toIsoDate(new Date());
  if (drill === undefined) return null;
  if (drill === null) return <Alert severity="warning">{D.missing}</Alert>;
  const villageName = new Map(drill.villages.map((v) => [v.id, v.name]));
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
        <SectionCard title={D.problems(drill.problems.length)}>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label={D.problems(drill.problems.length)}>
              <TableHead>
                <TableRow>
                  {Object.values(D.columns).map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                  <TableCell>问题描述</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {drill.problems.slice(0, 500).map((p) => (
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
          {drill.problems.length > 500 ? (
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              仅显示前 500 个（按整改时限排序）。
            </Typography>
          ) : null}
        </SectionCard>
      </Box>
    </>
  );
}
