import {
  Alert,
  Box,
  Button,
  Paper,
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  decisionKey,
  isDecided,
  type Decision,
  type FieldDiff,
  type MergeItem,
  type Side,
} from '@shared/handoff/merge';
import { formatTimestamp } from '../../components/format';
import { fieldLabel, formatValue, tableLabel } from '../../components/recordText';
import { useRecordNames } from '../../db/hooks';
import { HANDOFF } from './strings';

const I = HANDOFF.import;

type Decisions = ReadonlyMap<string, Decision>;

/** A record's name for people: its number, name, title or date (never an id). */
export function recordName(record: Record<string, unknown> | undefined): string {
  if (!record) return '';
  for (const field of ['number', 'name', 'title', 'label', 'description', 'date']) {
    const value = record[field];
    if (typeof value === 'string' && value) return value;
  }
  return '';
}

/**
 * The records both PCs changed since they last agreed, field by field (本机 / 对方): what the
 * merge takes by itself is said, and each field both changed differently is the user's choice.
 */
export function ConflictList(props: {
  items: readonly MergeItem[];
  decisions: Decisions;
  onDecide: (next: Decisions) => void;
}) {
  const [showMerged, setShowMerged] = useState(false);
  const conflicts = props.items.filter((i) => i.kind === 'conflict');
  const merged = props.items.filter((i) => i.kind === 'merged');
  const undecided = conflicts.filter((c) => !isDecided(c, props.decisions.get(decisionKey(c))));
  const decide = (item: MergeItem, decision: Decision) => {
    const next = new Map(props.decisions);
    next.set(decisionKey(item), decision);
    props.onDecide(next);
  };
  const decideRest = (side: Side) => {
    const next = new Map(props.decisions);
    for (const c of undecided) {
      const d = next.get(decisionKey(c)) ?? {};
      const fields = { ...d.fields };
      for (const f of c.fields ?? []) if (!f.auto && !fields[f.field]) fields[f.field] = side;
      next.set(decisionKey(c), { fields });
    }
    props.onDecide(next);
  };
  if (conflicts.length === 0 && merged.length === 0) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="conflicts">
      <Typography variant="h4">{I.conflicts}</Typography>
      <Typography color="text.secondary">{I.conflictsHelp}</Typography>
      {conflicts.map((item) => (
        <RecordDiff
          key={decisionKey(item)}
          item={item}
          decision={props.decisions.get(decisionKey(item))}
          onDecide={(d) => decide(item, d)}
        />
      ))}
      {undecided.length > 0 ? (
        <Alert
          severity="warning"
          data-testid="undecided"
          action={
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button color="inherit" size="small" onClick={() => decideRest('local')}>
                {I.restMine}
              </Button>
              <Button color="inherit" size="small" onClick={() => decideRest('incoming')}>
                {I.restTheirs}
              </Button>
            </Box>
          }
        >
          {I.undecided(undecided.length)}
        </Alert>
      ) : null}
      {merged.length > 0 ? (
        <Box>
          <Typography sx={{ display: 'inline' }}>{I.mergedOnly(merged.length)}</Typography>
          <Button size="small" onClick={() => setShowMerged((s) => !s)}>
            {showMerged ? I.hideMerged : I.showMerged}
          </Button>
          {showMerged
            ? merged.map((item) => (
                <RecordDiff
                  key={decisionKey(item)}
                  item={item}
                  decision={undefined}
                  onDecide={() => undefined}
                />
              ))
            : null}
        </Box>
      ) : null}
    </Box>
  );
}

function RecordDiff(props: {
  item: MergeItem;
  decision: Decision | undefined;
  onDecide: (d: Decision) => void;
}) {
  const names = useRecordNames();
  const { item, decision } = props;
  const title = `${tableLabel(item.table)}：${recordName(item.local) || recordName(item.incoming)}`;
  const chosen = (f: FieldDiff): Side | undefined => decision?.fields?.[f.field];
  const setField = (f: FieldDiff, side: Side) =>
    props.onDecide({ fields: { ...decision?.fields, [f.field]: side } });
  // The whole record one way: every field that needs a choice (what merges by itself still does).
  const setAll = (side: Side) =>
    props.onDecide({
      fields: Object.fromEntries(
        (item.fields ?? []).filter((f) => !f.auto).map((f) => [f.field, side]),
      ),
    });
  const text = (f: FieldDiff, value: unknown) =>
    f.fields.length === 1
      ? formatValue(item.table, f.field, value, names)
      : f.fields
          .map((name) => {
            const v = (value as Record<string, unknown> | undefined)?.[name];
            return v === undefined
              ? null
              : `${fieldLabel(item.table, name)}：${formatValue(item.table, name, v, names)}`;
          })
          .filter(Boolean)
          .join('；') || '（空）';
  const stamp = (r: Record<string, unknown> | undefined) =>
    typeof r?.updatedAt === 'string'
      ? `${formatTimestamp(r.updatedAt)} ${typeof r.updatedBy === 'string' ? r.updatedBy : ''}`
      : '';
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="conflict">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography sx={{ fontWeight: 700, flexGrow: 1 }}>{title}</Typography>
        {item.kind === 'conflict' ? (
          <>
            <Button size="small" onClick={() => setAll('local')}>
              {I.allMine}
            </Button>
            <Button size="small" onClick={() => setAll('incoming')}>
              {I.allTheirs}
            </Button>
          </>
        ) : null}
      </Box>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 140 }}>{I.field}</TableCell>
            <TableCell>
              {I.mine}
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {stamp(item.local)}
              </Typography>
            </TableCell>
            <TableCell>
              {I.theirs}
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {stamp(item.incoming)}
              </Typography>
            </TableCell>
            <TableCell sx={{ width: 200 }}>{I.choice}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(item.fields ?? []).map((f) => {
            const label = f.fields.map((name) => fieldLabel(item.table, name)).join('、');
            return (
              <TableRow key={f.field}>
                <TableCell>{label}</TableCell>
                <TableCell>{text(f, f.local)}</TableCell>
                <TableCell>{text(f, f.incoming)}</TableCell>
                <TableCell>
                  {f.auto ? (
                    <Typography variant="body2" color="text.secondary">
                      {f.auto.take === 'both'
                        ? I.autoBoth
                        : f.auto.take === 'incoming'
                          ? I.autoIncoming
                          : I.autoLocal}
                    </Typography>
                  ) : (
                    <Box sx={{ display: 'flex', alignItems: 'center' }}>
                      {(['local', 'incoming'] as const).map((side) => (
                        <label key={side} style={{ display: 'flex', alignItems: 'center' }}>
                          <Radio
                            size="small"
                            checked={chosen(f) === side}
                            onChange={() => setField(f, side)}
                            slotProps={{
                              input: {
                                'aria-label': `${label}用${side === 'local' ? I.mine : I.theirs}的`,
                              },
                            }}
                          />
                          {side === 'local' ? I.mine : I.theirs}
                        </label>
                      ))}
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
