import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  XAxis,
  YAxis,
} from 'recharts';
import type { FlagColor } from '@shared/domain/flags';
import { fontFamily } from '../../theme/tokens';

/**
 * Scores in rank order for paper: drawn at a fixed size without animation, in black, grey and a
 * hatch so that a black-and-white copy still tells a red flag (solid black) from a yellow one
 * (hatched) and the rest (grey); each bar carries its score, the town average is a dashed line.
 */
export function PrintRankingChart({
  rows,
  average,
  width = 620,
}: {
  rows: readonly { name: string; score: number; flag: FlagColor | null }[];
  average: number | null;
  width?: number;
}) {
  const data = rows.map((r) => ({ name: r.name, score: r.score, flag: r.flag }));
  const tick = { fontSize: 11, fill: '#000', fontFamily };
  return (
    <BarChart
      width={width}
      height={Math.max(160, rows.length * 19 + 40)}
      data={data}
      layout="vertical"
      margin={{ left: 4, right: 36, top: 16, bottom: 4 }}
    >
      <defs>
        <pattern
          id="print-hatch"
          width="5"
          height="5"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="5" height="5" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="5" stroke="#000" strokeWidth="2" />
        </pattern>
      </defs>
      <CartesianGrid stroke="#bbb" strokeDasharray="2 2" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} tick={tick} stroke="#000" />
      <YAxis type="category" dataKey="name" width={76} interval={0} tick={tick} stroke="#000" />
      {average !== null ? (
        <ReferenceLine
          x={average}
          stroke="#000"
          strokeDasharray="5 3"
          label={{ value: `平均 ${average}`, position: 'top', fontSize: 11, fill: '#000' }}
        />
      ) : null}
      <Bar dataKey="score" isAnimationActive={false} barSize={12} stroke="#000" strokeWidth={0.5}>
        {data.map((d) => (
          <Cell
            key={d.name}
            fill={d.flag === 'red' ? '#000' : d.flag === 'yellow' ? 'url(#print-hatch)' : '#bdbdbd'}
          />
        ))}
        <LabelList dataKey="score" position="right" style={{ fontSize: 10, fill: '#000' }} />
      </Bar>
    </BarChart>
  );
}
