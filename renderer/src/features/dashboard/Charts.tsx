import { memo } from 'react';
import { Paper, Typography } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ResultRow } from '@shared/domain/assessment';
import { FLAG_LABELS } from '@shared/domain/flags';
import { periodLabel } from '@shared/domain/period';
import { DrawnLater } from '../../components/DrawnLater';
import { monthTick, scoreAxis } from '../../components/format';
import { chartPalette } from '../../theme/chartPalette';
import { DASHBOARD } from './strings';

/** Scores in rank order, with the town average as a line. No animation: it prints as drawn. */
export const RankingChart = memo(function RankingChart({
  rows,
  average,
}: {
  rows: ResultRow[];
  average: number | null;
}) {
  // A flag village is marked by its bar's colour and, for whoever cannot tell colours apart, by
  // the flag's name beside its own (as on the printed list).
  const flagOf = (r: ResultRow) => (r.withdrawn ? null : r.flag);
  const data = rows.map((r) => ({
    name: (() => {
      const flag = flagOf(r);
      return flag ? `${r.name} ${FLAG_LABELS[flag].symbol}${FLAG_LABELS[flag].word}` : r.name;
    })(),
    score: r.score,
    flag: flagOf(r),
  }));
  return (
    <Paper sx={{ p: 2 }} data-testid="ranking-chart">
      <Typography variant="h4" gutterBottom>
        {DASHBOARD.rankingTitle}
      </Typography>
      <DrawnLater height={Math.max(240, rows.length * 22)}>
        <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 22)}>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} />
            <YAxis
              type="category"
              dataKey="name"
              width={104}
              interval={0}
              tick={{ fontSize: 12 }}
            />
            <Tooltip formatter={(value) => [`${String(value)} 分`, DASHBOARD.score]} />
            {average !== null ? (
              <ReferenceLine
                x={average}
                stroke={chartPalette.neutral}
                strokeDasharray="4 4"
                label={{ value: DASHBOARD.averageShort(average), position: 'top', fontSize: 12 }}
              />
            ) : null}
            <Bar
              dataKey="score"
              fill={chartPalette.series[0]}
              isAnimationActive={false}
              barSize={14}
            >
              {data.map((d) => (
                <Cell
                  key={d.name}
                  fill={
                    d.flag === 'red'
                      ? chartPalette.redFlag
                      : d.flag === 'yellow'
                        ? chartPalette.yellowFlag
                        : chartPalette.series[0]
                  }
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </DrawnLater>
    </Paper>
  );
});

export const TrendChart = memo(function TrendChart({
  points,
}: {
  points: { month: string; average: number }[];
}) {
  const data = points.map((p) => ({ label: periodLabel(p.month), average: p.average }));
  return (
    <Paper sx={{ p: 2 }} data-testid="trend-chart">
      <Typography variant="h4" gutterBottom>
        {DASHBOARD.trendTitle}
      </Typography>
      {data.length < 2 ? (
        <Typography color="text.secondary">{DASHBOARD.noTrend}</Typography>
      ) : (
        <DrawnLater height={240}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data} margin={{ left: 0, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="label"
                tick={{ fontSize: 12 }}
                interval={data.length > 13 ? 1 : 0}
                tickFormatter={monthTick}
              />
              <YAxis {...scoreAxis(data.map((d) => d.average))} />
              <Tooltip formatter={(value) => [`${String(value)} 分`, DASHBOARD.average]} />
              <Line
                type="monotone"
                dataKey="average"
                stroke={chartPalette.series[1]}
                strokeWidth={2}
                dot
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </DrawnLater>
      )}
    </Paper>
  );
});

/** Deductions in one category, village by village, largest first. */
export const CategoryChart = memo(function CategoryChart({
  category,
  rows,
}: {
  category: string;
  rows: { name: string; points: number }[];
}) {
  const data = [...rows].sort((a, b) => b.points - a.points);
  return (
    <Paper sx={{ p: 2 }} data-testid="category-chart">
      <Typography variant="h4" gutterBottom>
        {DASHBOARD.categoryTitle(category)}
      </Typography>
      <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 22)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals />
          <YAxis type="category" dataKey="name" width={72} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [`${String(value)} 分`, DASHBOARD.deducted]} />
          <Bar dataKey="points" fill={chartPalette.bad} isAnimationActive={false} barSize={14} />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
});
