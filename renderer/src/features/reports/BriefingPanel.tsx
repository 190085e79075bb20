import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toIsoDate } from '@shared/domain/dates';
import { FOCUS_MAX_CHARS } from '@shared/domain/briefing';
import { periodLabel } from '@shared/domain/period';
import { useNotify } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatTimestamp } from '../../components/format';
import { actions } from '../../db/actions';
import { useBriefingMonths, useDraftFocus, useIssuedBriefings, useRights } from '../../db/hooks';
import { REPORTS } from './strings';
import { periodOptions, SelectField } from '../../components/SelectField';

const S = REPORTS.briefing;

/** 月度通报: choose the month, write the next period's focus, preview the draft, issue it. */
export function BriefingPanel() {
  const months = useBriefingMonths();
  const issued = useIssuedBriefings();
  const [chosen, setChosen] = useState('');
  const month = chosen || months?.[0] || '';
  const navigate = useNavigate();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const can = useRights();

  if (months === undefined) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 920 }}>
      {months.length === 0 ? (
        <Alert severity="info">{S.noMonths}</Alert>
      ) : (
        <Paper sx={{ p: 2, display: 'grid', gap: 2 }}>
          <SelectField
            label={S.month}
            value={month}
            onChange={setChosen}
            options={periodOptions(months)}
            sx={{ width: 200 }}
          />
          {can('prints') ? <FocusEditor key={month} month={month} /> : null}
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="outlined" onClick={() => void navigate(`/print/briefing/${month}`)}>
              {S.preview}
            </Button>
            {can('issue') ? (
              <Button variant="contained" onClick={() => setConfirming(true)}>
                {S.issue}
              </Button>
            ) : null}
          </Box>
        </Paper>
      )}
      <Paper sx={{ p: 2 }}>
        <Typography variant="h4" gutterBottom>
          {S.issuedTitle}
        </Typography>
        {issued && issued.length > 0 ? (
          <Table size="small" aria-label={S.issuedTitle}>
            <TableHead>
              <TableRow>
                <TableCell>{S.columns.month}</TableCell>
                <TableCell>{S.columns.at}</TableCell>
                <TableCell>{S.columns.by}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {issued.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{periodLabel(b.month)}</TableCell>
                  <TableCell>{formatTimestamp(b.issuedAt)}</TableCell>
                  <TableCell>{b.issuedBy}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      onClick={() => void navigate(`/print/briefing/issued/${b.id}`)}
                    >
                      {S.open}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography color="text.secondary">{S.noIssued}</Typography>
        )}
      </Paper>
      <ConfirmDialog
        open={confirming}
        title={S.issueTitle}
        message={S.issueMessage(periodLabel(month))}
        confirmLabel={S.issue}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void actions
            .issueBriefing(month, toIsoDate(new Date()))
            .then((id) => {
              notify.success(S.issued(periodLabel(month)));
              void navigate(`/print/briefing/issued/${id}`);
            })
            .catch((error: unknown) => notify.error(error));
        }}
      />
    </Box>
  );
}

/** The draft's focus text: saved when the field is left, or with 保存; its state is shown. */
function FocusEditor({ month }: { month: string }) {
  const stored = useDraftFocus(month);
  const [text, setText] = useState<string | null>(null);
  const notify = useNotify();
  const value = text ?? stored ?? '';
  const unsaved = text !== null && text !== stored;
  const save = async () => {
    if (!unsaved) return;
    try {
      await actions.saveBriefingFocus(month, text);
      setText(null);
    } catch (error) {
      notify.error(error);
    }
  };
  const length = [...value].length;
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <TextField
        label={S.focus}
        value={value}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        multiline
        minRows={4}
        fullWidth
        helperText={
          <span data-testid="focus-state">
            {`${S.focusHelp}（${length}/${FOCUS_MAX_CHARS}）${unsaved ? S.unsaved : stored ? S.saved : ''}`}
          </span>
        }
        error={length > FOCUS_MAX_CHARS}
      />
      <Button onClick={() => void save()} disabled={!unsaved}>
        {S.saveFocus}
      </Button>
    </Box>
  );
}
