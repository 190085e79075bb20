import AddIcon from '@mui/icons-material/Add';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
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
import { formatBytes } from '@shared/domain/attachment';
import { SUGGESTED_RULE_TITLES, type RuleDocument } from '@shared/domain/ruleDocument';
import type { ValidationIssue } from '@shared/domain/validation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useCan, useRuleDocuments } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { SETTINGS } from './strings';
import { ruleDocumentFiles } from './useRuleDocumentFile';
import { DateField } from '../../components/DateField';

const S = SETTINGS.documents;

function AddDocumentDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  onAdded: (title: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [file, setFile] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);

  async function choose() {
    const opened = await ruleDocumentFiles.choose();
    if (opened.status === 'opened') {
      setFile({ name: opened.name, data: opened.data });
      setIssues(issues.filter((i) => i.field !== 'file'));
    } else if (opened.status === 'failed') {
      setFile(null);
      setIssues([{ field: 'file', message: opened.message }]);
    }
  }

  async function save() {
    if (!file) {
      setIssues([{ field: 'file', message: S.noFile }]);
      return;
    }
    setSaving(true);
    try {
      const doc = await actions.addRuleDocument({ title, issuedOn, file });
      onAdded(doc.title);
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog title={S.add} onClose={onClose} onSubmit={save} busy={saving}>
      <Autocomplete
        freeSolo
        options={[...SUGGESTED_RULE_TITLES]}
        inputValue={title}
        onInputChange={(_e, value) => setTitle(value)}
        renderInput={(params) => (
          <TextField
            {...params}
            label={S.title}
            required
            autoFocus
            error={Boolean(fieldMessage(issues, 'title'))}
            helperText={fieldMessage(issues, 'title')}
          />
        )}
      />
      <DateField
        label={S.issuedOn}
        value={issuedOn}
        onChange={setIssuedOn}
        error={Boolean(fieldMessage(issues, 'issuedOn'))}
        helperText={fieldMessage(issues, 'issuedOn')}
        required
      />
      <Box>
        <Button variant="outlined" startIcon={<AttachFileIcon />} onClick={() => void choose()}>
          {S.chooseFile}
        </Button>
        {file ? (
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="chosen-file">
            {S.chosen(file.name)}（{formatBytes(file.data.byteLength)}）
          </Typography>
        ) : null}
      </Box>
      <IssueList issues={issues.filter((i) => i.field !== 'title' && i.field !== 'issuedOn')} />
    </FormDialog>
  );
}

export function DocumentsTab() {
  const documents = useRuleDocuments();
  const notify = useNotify();
  const mayEdit = useCan('setup');
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<RuleDocument | null>(null);

  async function saveAs(doc: RuleDocument) {
    try {
      const result = await ruleDocumentFiles.saveAs(doc);
      if (result.status === 'saved') notify.success(S.savedAs(result.path));
      if (result.status === 'failed') notify.error(new Error(result.message), result.message);
    } catch (error) {
      notify.error(error);
    }
  }

  async function remove(doc: RuleDocument) {
    try {
      await actions.deleteRuleDocument(doc.id);
      notify.success(S.deletedNotice(doc.title));
    } catch (error) {
      notify.error(error);
    }
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {mayEdit ? (
        <Box>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            {S.add}
          </Button>
        </Box>
      ) : null}
      {documents && documents.length === 0 ? (
        <Alert severity="info">{mayEdit ? S.empty : S.none}</Alert>
      ) : null}
      {documents && documents.length > 0 ? (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={SETTINGS.tabs.documents}>
            <TableHead>
              <TableRow>
                <TableCell>{S.title}</TableCell>
                <TableCell>{S.issuedOn}</TableCell>
                <TableCell>{S.file}</TableCell>
                <TableCell>{S.size}</TableCell>
                <TableCell align="right" sx={{ width: 160 }} />
              </TableRow>
            </TableHead>
            <TableBody>
              {documents.map((doc) => (
                <TableRow key={doc.id} hover>
                  <TableCell>{doc.title}</TableCell>
                  <TableCell>{doc.issuedOn}</TableCell>
                  <TableCell>{doc.fileName}</TableCell>
                  <TableCell>{formatBytes(doc.size)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => void saveAs(doc)}>
                      {S.saveAs}
                    </Button>
                    {mayEdit ? (
                      <Button size="small" color="error" onClick={() => setDeleting(doc)}>
                        {SETTINGS.delete}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {adding ? (
        <AddDocumentDialog
          onClose={() => setAdding(false)}
          onAdded={(title) => {
            setAdding(false);
            notify.success(S.added(title));
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={SETTINGS.delete}
        message={deleting ? S.confirmDelete(deleting.title) : ''}
        confirmLabel={SETTINGS.delete}
        danger
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
}
