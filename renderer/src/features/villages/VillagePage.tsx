import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CONSEQUENCE_LABELS } from '@shared/domain/consequences';
import { periodLabel } from '@shared/domain/period';
import { AttachmentImage } from '../../components/AttachmentImage';
import { FlagBadge } from '../../components/FlagBadge';
import { ActionStateChip } from '../../components/ActionStateChip';
import { toIsoDate } from '@shared/domain/dates';
import { PageHeader } from '../../components/PageHeader';
import { useAllResults, useDueActions, usePeople, useVillages } from '../../db/hooks';
import { monthTick, scoreAxis } from '../../components/format';
import { chartPalette } from '../../theme/chartPalette';
import { usePeriodView } from '../assessment/useAssessment';
import { VILLAGE_PAGE as V } from './strings';
import { VillageRechecks } from './VillageRechecks';

function Deductions({ villageId, month }: { villageId: string; month: string }) {
  const view = usePeriodView(month);
  if (!view?.standard) return null;
  const items = new Map(view.standard.items.map((i) => [i.code, i]));
  const score = view.scores.get(villageId);
  const rows = (score?.items ?? []).map((d) => ({
    ...d,
    item: items.get(d.itemCode),
    cell: view.cells.get(`${villageId}:${d.itemCode}`),
  }));
  return (
    <Paper sx={{ p: 2 }} data-testid="village-deductions">
      <Typography variant="h4" gutterBottom>
        {V.deductions(periodLabel(month))}
      </Typography>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{V.noDeductions}</Typography>
      ) : (
        <Table size="small" aria-label={V.deductions(periodLabel(month))}>
          <TableHead>
            <TableRow>
              <TableCell>{V.item}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{V.found}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {V.points}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{V.note}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{V.place}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{V.photos}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.itemCode}>
                <TableCell>
                  {r.itemCode} {r.item?.title}
                </TableCell>
                <TableCell>
                  {r.cell?.count ? `${r.cell.count} ${r.item?.unit ?? ''}` : ''}
                </TableCell>
                <TableCell align="right">−{r.points}</TableCell>
                <TableCell>{r.cell?.note}</TableCell>
                <TableCell>{r.cell?.place}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 0.5 }}>
                    {(r.cell?.photos ?? []).map((p) => (
                      <AttachmentImage
                        key={p.attachmentId}
                        id={p.thumbnailId}
                        alt={p.name}
                        size={48}
                      />
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * The newest rows a long list shows first, the rest on request: ten years are 120 months and
 * some 60 follow-up actions, and drawing all of them took most of the page's time.
 */
const FIRST_ROWS = { history: 24, actions: 12 };

function ShowAll({
  total,
  shown,
  label,
  onClick,
}: {
  total: number;
  shown: number;
  label: string;
  onClick: () => void;
}) {
  if (total <= shown) return null;
  return (
    <Button size="small" sx={{ mt: 1 }} onClick={onClick}>
      {label}
    </Button>
  );
}

/** One village's whole story: details, every period's score and flag, deductions, due actions. */
export function VillagePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const villages = useVillages(true);
  const people = usePeople();
  const results = useAllResults();
  const allActions = useDueActions();
  const village = villages?.find((v) => v.id === id);
  const [all, setAll] = useState({ history: false, actions: false });
  const today = useMemo(() => toIsoDate(new Date()), []);
  const history = useMemo(
    () =>
      (results ?? [])
        .map((r) => ({ result: r, row: r.rows.find((row) => row.villageId === id) }))
        .filter((h) => h.row !== undefined)
        .reverse(),
    [results, id],
  );
  if (!villages || !results || !allActions) return null;
  if (!village) return <Alert severity="warning">{V.notFound}</Alert>;
  const leader = people?.find((p) => p.id === village.leaderId);
  const months = history.filter((h) => h.result.cadence === 'month');
  const month = params.get('month') ?? months[0]?.result.id ?? null;
  const trend = [...months]
    .reverse()
    .slice(-24)
    .map((h) => ({ label: periodLabel(h.result.id), score: h.row!.score }));
  const actions = allActions
    .filter((a) => a.villageId === village.id)
    .sort((a, b) => b.periodKey.localeCompare(a.periodKey));
  const shownHistory = all.history ? history : history.slice(0, FIRST_ROWS.history);
  const shownActions = all.actions ? actions : actions.slice(0, FIRST_ROWS.actions);

  return (
    <>
      <PageHeader
        title={village.name}
        subtitle={`${V.secretary}：${village.secretary || '—'} · ${V.contact}：${village.contact || '—'} · ${V.leader}：${leader?.name ?? '—'}${village.groups.length ? ` · ${V.groups}：${village.groups.join('、')}` : ''}`}
        actions={
          <Button component={Link} to="/">
            {V.back}
          </Button>
        }
      />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { lg: '1fr 1fr' },
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h4" gutterBottom>
              {V.history}
            </Typography>
            {history.length === 0 ? (
              <Typography color="text.secondary">{V.noHistory}</Typography>
            ) : (
              <Table size="small" aria-label={V.history} data-testid="village-history">
                <TableHead>
                  <TableRow>
                    <TableCell>{V.month}</TableCell>
                    <TableCell align="right">{V.score}</TableCell>
                    <TableCell>{V.rank}</TableCell>
                    <TableCell>{V.flag}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {shownHistory.map(({ result, row }) => (
                    <TableRow key={result.id}>
                      <TableCell>
                        <Link to={`/villages/${village.id}?month=${result.id}`}>
                          {periodLabel(result.id)}
                        </Link>
                      </TableCell>
                      <TableCell align="right">{row!.score}</TableCell>
                      <TableCell>{row!.rank}</TableCell>
                      <TableCell title={row!.flagReason}>
                        {row!.flag ? (
                          <FlagBadge color={row!.flag} withdrawn={Boolean(row!.withdrawn)} />
                        ) : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <ShowAll
              total={history.length}
              shown={shownHistory.length}
              label={V.allHistory(history.length)}
              onClick={() => setAll({ ...all, history: true })}
            />
          </Paper>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h4" gutterBottom>
              {V.actions}
            </Typography>
            {actions.length === 0 ? (
              <Typography color="text.secondary">{V.noActions}</Typography>
            ) : (
              <Table size="small" aria-label={V.actions}>
                <TableBody>
                  {shownActions.map((a) => (
                    <TableRow key={a.id}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {periodLabel(a.periodKey)}
                      </TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          variant="outlined"
                          label={CONSEQUENCE_LABELS[a.kind]}
                          sx={{ mr: 1 }}
                        />
                        {a.title}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {V.due} {a.dueDate}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <ActionStateChip action={a} today={today} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <ShowAll
              total={actions.length}
              shown={shownActions.length}
              label={V.allActions(actions.length)}
              onClick={() => setAll({ ...all, actions: true })}
            />
          </Paper>
        </Box>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Paper sx={{ p: 2 }} data-testid="village-trend">
            <Typography variant="h4" gutterBottom>
              {V.trend}
            </Typography>
            {trend.length < 2 ? (
              <Typography color="text.secondary">{V.noTrend}</Typography>
            ) : (
              <ResponsiveContainer width="100%" height={200}>
                <LineChart data={trend}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="label"
                    tick={{ fontSize: 12 }}
                    interval={trend.length > 13 ? 1 : 0}
                    tickFormatter={monthTick}
                  />
                  <YAxis {...scoreAxis(trend.map((d) => d.score))} />
                  <Tooltip />
                  <Line dataKey="score" stroke={chartPalette.series[0]} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            )}
          </Paper>
          <VillageRechecks villageId={village.id} today={today} />
          {month ? <Deductions villageId={village.id} month={month} /> : null}
        </Box>
      </Box>
    </>
  );
}
