import {
  Alert,
  Box,
  Button,
  IconButton,
  MenuItem,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useState, type FormEvent } from 'react';
import { PROBLEM_SOURCES, SOURCE_LABELS, type ProblemSource } from '@shared/domain/ledger';
import { DEFAULT_PROBLEM_CATEGORIES } from '@shared/domain/problem';
import { parseDays, type RecheckRules } from '@shared/domain/recheck';
import { issuesOf } from '../../components/issues';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { useCan, useRecheckRules } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';

/** The words of this tab. */
const S = {
  title: '回头看规则（销号后多少天再去看）',
  intro:
    '已销号的问题按这里的天数回头看；可以按问题来源、问题类别另定天数（来源和类别都对上的规则优先，其次只看类别的，再次只看来源的）。上级督查反馈的问题另按县里自己的回头看日期（在问题页填写）。',
  days: '默认：销号后第几天回头看',
  daysHelp: '多个天数用逗号或空格隔开，例如 30, 90',
  months: '反弹认定期限（月）',
  monthsHelp:
    '销号后这么多个月内同一村、同一类别、同一地点再出现，算作反弹（录入新问题时提示，并计入反弹率）。',
  overrides: '另定的规则',
  none: '没有另定的规则：全部按默认天数。',
  source: '问题来源',
  category: '问题类别',
  any: '（不限）',
  overrideDays: '销号后第几天',
  add: '添加规则',
  remove: (n: number) => `删除第 ${n} 条规则`,
  badDays: (label: string) => `${label}的天数只能是整数，多个用逗号隔开。`,
  appliesNote: '改动后，所有已销号问题的应回头看日期按新规则重新计算；已做的回头看记录不变。',
};

interface Row {
  source: ProblemSource | '';
  category: string;
  days: string;
}

function RecheckForm({ initial, mayEdit }: { initial: RecheckRules; mayEdit: boolean }) {
  const notify = useNotify();
  const [days, setDays] = useState(initial.days.join(', '));
  const [months, setMonths] = useState(String(initial.reboundMonths));
  const [rows, setRows] = useState<Row[]>(
    initial.overrides.map((o) => ({
      source: o.source ?? '',
      category: o.category ?? '',
      days: o.days.join(', '),
    })),
  );
  const [issues, setIssues] = useState<ReturnType<typeof issuesOf>>([]);
  const setRow = (i: number, change: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  async function save(event: FormEvent) {
    event.preventDefault();
    const base = parseDays(days);
    const parsed = rows.map((r) => parseDays(r.days));
    const bad = [
      ...(base ? [] : [S.badDays('默认规则')]),
      ...parsed.flatMap((d, i) => (d ? [] : [S.badDays(`第 ${i + 1} 条规则`)])),
    ];
    if (bad.length > 0) return setIssues(bad.map((message) => ({ field: 'rules', message })));
    try {
      await actions.saveRecheckRules({
        days: base!,
        reboundMonths: Number(months),
        overrides: rows.map((r, i) => ({
          ...(r.source ? { source: r.source } : {}),
          ...(r.category ? { category: r.category } : {}),
          days: parsed[i]!,
        })),
      });
      setIssues([]);
      notify.success(SETTINGS.saved);
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  return (
    <Box
      component="form"
      onSubmit={(e) => void save(e)}
      noValidate
      sx={{ display: 'grid', gap: 3, maxWidth: 860 }}
      data-testid="recheck-rules"
    >
      <Paper sx={{ p: 3, display: 'grid', gap: 2 }}>
        <Typography variant="h4">{S.title}</Typography>
        <Typography variant="body2" color="text.secondary">
          {S.intro}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
          <TextField
            label={S.days}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            helperText={S.daysHelp}
            disabled={!mayEdit}
          />
          <TextField
            label={S.months}
            value={months}
            onChange={(e) => setMonths(e.target.value)}
            helperText={S.monthsHelp}
            disabled={!mayEdit}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        </Box>
        <Typography variant="h5" component="h3">
          {S.overrides}
        </Typography>
        {rows.length === 0 ? <Typography color="text.secondary">{S.none}</Typography> : null}
        {rows.map((r, i) => (
          <Box
            key={i}
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: '1fr 1fr 1fr auto',
              alignItems: 'center',
            }}
          >
            <TextField
              select
              label={S.source}
              value={r.source}
              onChange={(e) => setRow(i, { source: e.target.value as Row['source'] })}
              disabled={!mayEdit}
            >
              <MenuItem value="">{S.any}</MenuItem>
              {PROBLEM_SOURCES.map((s) => (
                <MenuItem key={s} value={s}>
                  {SOURCE_LABELS[s]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={S.category}
              value={r.category}
              onChange={(e) => setRow(i, { category: e.target.value })}
              disabled={!mayEdit}
            >
              <MenuItem value="">{S.any}</MenuItem>
              {DEFAULT_PROBLEM_CATEGORIES.map((c) => (
                <MenuItem key={c} value={c}>
                  {c}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={S.overrideDays}
              value={r.days}
              onChange={(e) => setRow(i, { days: e.target.value })}
              disabled={!mayEdit}
            />
            {mayEdit ? (
              <IconButton
                aria-label={S.remove(i + 1)}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                <DeleteIcon />
              </IconButton>
            ) : (
              <span />
            )}
          </Box>
        ))}
        {mayEdit ? (
          <Box>
            <Button
              variant="outlined"
              onClick={() => setRows([...rows, { source: '', category: '', days: '30, 90' }])}
            >
              {S.add}
            </Button>
          </Box>
        ) : null}
      </Paper>
      {mayEdit ? (
        <>
          <IssueList issues={issues} />
          <Alert severity="info">{S.appliesNote}</Alert>
          <Box>
            <Button type="submit" variant="contained">
              {SETTINGS.save}
            </Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}

/** 设置 → 回头看规则; an account without 'setup' sees them greyed, unsaved. */
export function RecheckRulesTab() {
  const rules = useRecheckRules();
  const mayEdit = useCan('setup');
  if (!rules) return null;
  return <RecheckForm key={JSON.stringify(rules)} initial={rules} mayEdit={mayEdit} />;
}
