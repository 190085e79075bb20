import { Alert, Box, Button, Chip, Link, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { hasSomethingToShow, type Figure } from '@shared/domain/yearSummary';
import { useNotify } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { actions } from '../../db/actions';
import { useCan } from '../../db/hooks';
import { FigureDialog } from './FigureDialog';
import { saveSummaryDocx } from './summaryDocx';
import { useSummary, type SummaryParagraph } from './useSummary';
import { SelectField, yearOptions } from '../../components/SelectField';

/**
 * 年度工作总结: the draft in the town's own structure, every number filled from the year's
 * records and opening the records it counts; each paragraph can be rewritten (kept with the
 * draft) or brought back to the generated text; printed or saved as .docx.
 */
export function SummaryPanel() {
  const [year, setYear] = useState(new Date().getFullYear());
  const summary = useSummary(year);
  const [figure, setFigure] = useState<Figure | null>(null);
  const navigate = useNavigate();
  const notify = useNotify();
  const mayEdit = useCan('records');

  const exportDocx = async () => {
    if (!summary) return;
    const saved = await saveSummaryDocx(summary.title, summary.paragraphs);
    if (saved.status === 'saved') notify.success(`已导出到 ${saved.path}`);
    else if (saved.status === 'failed') notify.error(new Error(saved.message), saved.message);
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 960 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center' }}>
        <SelectField
          label="年度"
          value={String(year)}
          onChange={(value) => setYear(Number(value))}
          options={yearOptions()}
          sx={{ width: 140 }}
        />
        <Box sx={{ flex: 1 }} />
        <Button variant="outlined" onClick={() => void navigate(`/print/summary/${year}`)}>
          打印预览
        </Button>
        <Button variant="contained" onClick={() => void exportDocx()} disabled={!summary}>
          导出 Word（.docx）
        </Button>
      </Box>
      <Alert severity="info">
        带下划线的数字由当年记录自动统计，点一下可查看是哪些记录
        {mayEdit ? '；每段都可以改写，改写的文字随草稿保存。' : '。'}
      </Alert>
      {summary ? (
        <Paper sx={{ p: 3 }} data-testid="summary-draft">
          <Typography variant="h3" align="center" gutterBottom>
            {summary.title}（初稿）
          </Typography>
          {summary.paragraphs.map((p) => (
            <ParagraphView
              key={p.index}
              year={year}
              paragraph={p}
              mayEdit={mayEdit}
              onOpen={setFigure}
            />
          ))}
        </Paper>
      ) : null}
      {figure ? <FigureDialog figure={figure} onClose={() => setFigure(null)} /> : null}
    </Box>
  );
}

function ParagraphView({
  year,
  paragraph: p,
  mayEdit,
  onOpen,
}: {
  year: number;
  paragraph: SummaryParagraph;
  mayEdit: boolean;
  onOpen: (figure: Figure) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const notify = useNotify();
  const save = (text: string | null) =>
    actions
      .saveSummaryParagraph(year, p.index, text)
      .then(() => setDraft(null))
      .catch((e: unknown) => notify.error(e));
  if (draft !== null)
    return (
      <Box sx={{ my: 1.5 }}>
        <TextField
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          multiline
          fullWidth
          minRows={3}
          autoFocus
          slotProps={{ htmlInput: { 'aria-label': `第 ${p.index + 1} 段` } }}
        />
        <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>
          <Button size="small" variant="contained" onClick={() => void save(draft)}>
            保存本段
          </Button>
          <Button size="small" onClick={() => setDraft(null)}>
            取消
          </Button>
        </Box>
      </Box>
    );
  return (
    <Box data-testid={`summary-paragraph-${p.index}`} sx={{ my: 1.5 }}>
      <Typography
        sx={{
          textIndent: p.heading ? 0 : '2em',
          fontWeight: p.heading ? 500 : 400,
          lineHeight: 2,
        }}
      >
        {p.edited !== null
          ? p.edited
          : p.segments.map((s, i) =>
              'figure' in s && !hasSomethingToShow(s.figure) ? (
                // Nothing counted (no record yet): nothing to open.
                <span key={i} title={s.figure.label} style={{ fontWeight: 500 }}>
                  {String(s.figure.value)}
                </span>
              ) : 'figure' in s ? (
                <Link
                  key={i}
                  component="button"
                  type="button"
                  title={s.figure.label}
                  underline="always"
                  onClick={() => onOpen(s.figure)}
                  sx={{ fontWeight: 500, verticalAlign: 'baseline' }}
                >
                  {String(s.figure.value)}
                </Link>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
      </Typography>
      {p.heading || (!mayEdit && p.edited === null) ? null : (
        <Box className="para-actions" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          {p.edited !== null ? <Chip size="small" label="已改写" /> : null}
          {mayEdit ? (
            <Button size="small" onClick={() => setDraft(p.text)}>
              改写本段
            </Button>
          ) : null}
          {mayEdit && p.edited !== null ? (
            <Button size="small" onClick={() => setRestoring(true)}>
              恢复自动生成
            </Button>
          ) : null}
        </Box>
      )}
      <ConfirmDialog
        open={restoring}
        title="恢复自动生成？"
        message={`本段（“${excerpt(p.edited ?? '')}”）将换回按本年记录自动生成的文字，改写的文字不再保留在草稿中（操作记录中仍可查到）。`}
        confirmLabel="恢复自动生成"
        onClose={() => setRestoring(false)}
        onConfirm={() => save(null)}
      />
    </Box>
  );
}

/** The start of a paragraph, to name it where the paragraphs carry no numbers. */
const excerpt = (text: string) => (text.length > 14 ? `${text.slice(0, 14)}…` : text);
