import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { periodLabel } from '@shared/domain/period';
import type { StandardItem, StandardVersion } from '@shared/domain/standard';
import type { ValidationIssue } from '@shared/domain/validation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useCan, useStandards } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';
import { standardFiles } from './useStandardFile';

const S = SETTINGS.standard;

function ItemDialog({
  standard,
  item,
  onClose,
}: {
  standard: StandardVersion;
  item: StandardItem;
  onClose: () => void;
}) {
  const notify = useNotify();
  const [form, setForm] = useState({
    ...item,
    perInstance: String(item.perInstance),
    cap: String(item.cap),
  });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  async function save() {
    const next: StandardItem = {
      ...form,
      perInstance: Number(form.perInstance),
      cap: Number(form.cap),
      serious: form.serious || form.zeroesCategory,
    };
    try {
      const saved = await actions.saveStandard({
        ...standard,
        items: standard.items.map((i) => (i.code === item.code ? next : i)),
      });
      notify.success(
        saved.version === standard.version
          ? SETTINGS.saved
          : S.newVersion(saved.version, saved.effectiveFrom),
      );
      onClose();
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }
  return (
    <FormDialog title={S.editTitle(item.code)} onClose={onClose} onSubmit={save}>
      <TextField
        label={S.title}
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
        autoFocus
      />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr 1fr' }}>
        <TextField
          label={S.perInstance}
          value={form.perInstance}
          onChange={(e) => setForm({ ...form, perInstance: e.target.value })}
          disabled={form.zeroesCategory}
        />
        <TextField
          label={S.unit}
          value={form.unit}
          onChange={(e) => setForm({ ...form, unit: e.target.value })}
        />
        <TextField
          label={S.cap}
          value={form.cap}
          onChange={(e) => setForm({ ...form, cap: e.target.value })}
          disabled={form.zeroesCategory}
        />
      </Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={form.zeroesCategory}
            onChange={(e) => setForm({ ...form, zeroesCategory: e.target.checked })}
          />
        }
        label={S.zeroes}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={form.serious || form.zeroesCategory}
            disabled={form.zeroesCategory}
            onChange={(e) => setForm({ ...form, serious: e.target.checked })}
          />
        }
        label={S.serious}
      />
      <Alert severity="info">{S.versionNote}</Alert>
      <IssueList issues={issues} />
    </FormDialog>
  );
}

/** The 五十条标准: its versions, its items, editing and Excel round trip. */
export function StandardTab() {
  const versions = useStandards();
  const notify = useNotify();
  const mayEdit = useCan('setup');
  const [editing, setEditing] = useState<StandardItem | null>(null);
  const [fileIssues, setFileIssues] = useState<{ name: string; issues: ValidationIssue[] } | null>(
    null,
  );
  const [pending, setPending] = useState<{
    name: string;
    standard: Pick<StandardVersion, 'categories' | 'items' | 'bonusCap'>;
  } | null>(null);
  if (!versions) return null;
  const current = versions[0]!;
  const points = new Map(current.categories.map((c) => [c.name, c.points]));

  async function exportFile() {
    const result = await standardFiles.export(current);
    if (result.status === 'saved') notify.success(SETTINGS.documents.savedAs(result.path));
    if (result.status === 'failed') notify.error(new Error(result.message), result.message);
  }

  async function importFile() {
    setFileIssues(null);
    const picked = await standardFiles.pick(current.bonusCap);
    if (!picked) return;
    if ('issues' in picked) setFileIssues(picked);
    else setPending(picked);
  }

  async function confirmImport() {
    if (!pending) return;
    try {
      const saved = await actions.saveStandard(pending.standard);
      notify.success(S.imported(pending.standard.items.length, saved.version));
    } catch (error) {
      setFileIssues({ name: pending.name, issues: issuesOf(error) });
    }
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h4" sx={{ mr: 1 }}>
          {S.heading(
            current.version,
            current.effectiveFrom === '2000-01' ? '' : periodLabel(current.effectiveFrom),
          )}
        </Typography>
        <Chip size="small" label={S.summary(current.items.length, current.categories.length)} />
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void exportFile()}>
          {S.export}
        </Button>
        {mayEdit ? (
          <Button
            variant="outlined"
            startIcon={<UploadFileIcon />}
            onClick={() => void importFile()}
          >
            {S.import}
          </Button>
        ) : null}
      </Box>
      {versions.length > 1 ? (
        <Typography variant="body2" color="text.secondary">
          {S.history(
            versions
              .map(
                (v) =>
                  `第 ${v.version} 版（${v.effectiveFrom === '2000-01' ? S.fromStart : `${periodLabel(v.effectiveFrom)}起`}）`,
              )
              .join('，'),
          )}
        </Typography>
      ) : null}
      {fileIssues ? (
        <IssueList title={S.fileIssues(fileIssues.name)} issues={fileIssues.issues} />
      ) : null}
      <TableContainer component={Paper}>
        <Table size="small" aria-label={S.tableLabel}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64 }}>{S.code}</TableCell>
              <TableCell sx={{ width: 150 }}>{S.category}</TableCell>
              <TableCell>{S.title}</TableCell>
              <TableCell>{S.rule}</TableCell>
              <TableCell sx={{ width: 120 }} />
              {mayEdit ? <TableCell sx={{ width: 72 }} /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {current.items.map((item) => (
              <TableRow key={item.code} hover>
                <TableCell>{item.code}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {item.category}（{points.get(item.category)}）
                </TableCell>
                <TableCell>{item.title}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {item.zeroesCategory
                    ? S.zeroRule
                    : S.ruleText(item.perInstance, item.unit, item.cap)}
                </TableCell>
                <TableCell>
                  {item.serious ? (
                    <Chip size="small" variant="outlined" label={S.seriousChip} />
                  ) : null}
                </TableCell>
                {mayEdit ? (
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => setEditing(item)}
                      aria-label={`${SETTINGS.edit} ${item.code}`}
                    >
                      {SETTINGS.edit}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {editing ? (
        <ItemDialog standard={current} item={editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={S.importTitle}
        message={
          pending
            ? S.importMessage(
                pending.name,
                pending.standard.items.length,
                pending.standard.categories.length,
              )
            : ''
        }
        confirmLabel={S.import}
        onConfirm={() => void confirmImport()}
        onClose={() => setPending(null)}
      />
    </Box>
  );
}
