import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { periodLabel } from '@shared/domain/period';
import { RECORD_DEFS, type RecordKind } from '@shared/domain/workRecords';
import type { Figure } from '@shared/domain/yearSummary';
import { useFigureRecords, useRecordNames } from '../../db/hooks';

/** One line describing a counted record, whatever table it is in. */
function describe(
  table: string,
  r: Record<string, unknown>,
  names: ReadonlyMap<string, string>,
): string {
  const v = (r.values ?? {}) as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');
  switch (table) {
    case 'workRecords': {
      // In the form's order; a number or another date with its field's name (计划（座）：10), a
      // village by its name.
      const def = RECORD_DEFS[r.kind as RecordKind] as (typeof RECORD_DEFS)[RecordKind] | undefined;
      const fields = def?.fields ?? Object.keys(v).map((key) => ({ key, label: '', type: 'text' }));
      return [
        text(r.date),
        ...fields
          // The date it is filed under comes first, once.
          .filter((f) => f.key !== (def?.dateField ?? 'date'))
          .map((f) => {
            const x = text(v[f.key]);
            if (f.type === 'village') return names.get(x) ?? '';
            const named = f.type === 'count' || f.type === 'decimal' || f.type === 'date';
            return x && named ? `${f.label}：${x}` : x;
          }),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'problems':
      return `${text(r.number)} · ${text(r.foundOn)} · ${text(r.description)}`;
    case 'results':
      return `${periodLabel(text(r.id))}红黄榜`;
    case 'riverPatrols':
    case 'forestPatrols':
      return `${text(r.date)} · ${names.get(text(r.chiefId ?? r.rangerId)) ?? ''}`;
    case 'ruleDocuments':
      return text(r.title);
    default:
      return text(r.name);
  }
}

/** The records a figure of the summary counts (the first 200). */
export function FigureDialog({ figure, onClose }: { figure: Figure; onClose: () => void }) {
  const records = useFigureRecords(figure.table, figure.ids);
  // Villages and people are named; an item is described by its own number.
  const names = useRecordNames({ items: false });
  const count = figure.lines ? figure.lines.length : figure.ids.length;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>
        {figure.label}：{String(figure.value)}
      </DialogTitle>
      <DialogContent>
        <Typography color="text.secondary" gutterBottom>
          {count === 0
            ? '本年还没有可统计的记录。'
            : `统计自以下 ${count} 条${count > 200 ? '（列出前 200 条）' : ''}：`}
        </Typography>
        <List dense data-testid="figure-records">
          {figure.lines
            ? figure.lines.slice(0, 200).map((line, i) => (
                <ListItem key={`${line}-${i}`}>
                  <ListItemText primary={line} />
                </ListItem>
              ))
            : (records ?? []).map((r, i) => (
                <ListItem key={`${String(r.id)}-${i}`}>
                  <ListItemText primary={describe(figure.table, r, names)} />
                </ListItem>
              ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
