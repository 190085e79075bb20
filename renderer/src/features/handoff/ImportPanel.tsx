import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
  LinearProgress,
} from '@mui/material';
import { useState } from 'react';
import { decisionKey, isDecided, type Decision } from '@shared/handoff/merge';
import { formatBytes } from '@shared/domain/attachment';
import { BACKUP_REASON_LABELS } from '@shared/handoff/backups';
import { formatTimestamp } from '../../components/format';
import { useNotify } from '../../app/notify';
import {
  commitReview,
  reviewPackage,
  saveBackupElsewhere,
  type ImportReview,
} from './handoffFiles';
import { ConflictList } from './ConflictList';
import { MergeCountsTable } from './MergeCountsTable';
import { RestorePreviewView } from './RestorePreviewView';
import { useBackups, useManualBackup } from './useBackups';
import { HANDOFF, TABLE_LABELS } from './strings';

const I = HANDOFF.import;

/**
 * Choose a package, see what it would change (nothing is written yet), pick a side for each
 * record both sides changed, then write everything at once.
 */
export function ImportPanel(props: {
  /** The county desk restores only its own backups: its own title and words. */
  words?: { title: string; help: string; choose: string } | undefined;
  onImported?: () => void;
  /** Before anything is written (e.g. who is using this new PC); a problem stops the import. */
  beforeCommit?: () => Promise<string | null>;
}) {
  const notify = useNotify();
  const [review, setReview] = useState<ImportReview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [commitProblem, setCommitProblem] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());
  const [phase, setPhase] = useState<keyof typeof I.phases | null>(null);
  const busy = phase !== null;

  async function choose(backup?: string) {
    setProblem(null);
    try {
      const result = await reviewPackage(backup, () => setPhase('check'));
      if (result === null) return;
      if ('problem' in result) {
        setReview(null);
        setProblem(result.problem);
      } else {
        setReview(result);
        setDecisions(new Map());
      }
    } catch (error) {
      notify.error(error);
    } finally {
      setPhase(null);
    }
  }

  async function commit(current: ImportReview) {
    try {
      setCommitProblem(null);
      const stop = (await props.beforeCommit?.()) ?? null;
      if (stop) return setCommitProblem(stop);
      const written = await commitReview(current, decisions, setPhase);
      const count = Object.values(written).reduce((s, n) => s + n, 0);
      notify.success(current.backup ? I.restored(count) : I.done(count));
      setReview(null);
      props.onImported?.();
    } catch (error) {
      notify.error(error);
    } finally {
      setPhase(null);
    }
  }

  const rejected = review?.plan.items.filter((i) => i.kind === 'rejected') ?? [];
  const undecided =
    review?.plan.items.filter((i) => !isDecided(i, decisions.get(decisionKey(i)))).length ?? 0;
  // A restore writes the whole backup; an import what is new, newer there, or merged.
  const toWrite = !review
    ? 0
    : review.backup
      ? Object.values(review.manifest.counts).reduce((a, b) => a + b, 0)
      : review.plan.counts.new +
        review.plan.counts.changed +
        review.plan.counts.merged +
        review.plan.counts.conflict;

  return (
    <Paper sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Typography variant="h4">{props.words?.title ?? I.title}</Typography>
      <Typography color="text.secondary">{props.words?.help ?? I.help}</Typography>
      <Box>
        <Button variant="outlined" onClick={() => void choose()} disabled={busy}>
          {props.words?.choose ?? I.choose}
        </Button>
      </Box>
      <BackupList disabled={busy} onRestore={(name) => void choose(name)} />
      {phase === 'check' ? <Working text={I.phases.check} /> : null}
      {problem ? (
        <Alert severity="error" data-testid="import-problem" sx={{ whiteSpace: 'pre-line' }}>
          {problem}
        </Alert>
      ) : null}
      {review ? (
        <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="import-review">
          <Typography>
            {review.log.place} ·{' '}
            {I.from(review.manifest.town.name, formatTimestamp(review.manifest.createdAt))}
          </Typography>
          <Typography color="text.secondary">
            {HANDOFF.receipt.fingerprint}：{review.log.fingerprint}
          </Typography>
          {review.restore ? (
            <RestorePreviewView preview={review.restore} />
          ) : (
            <MergeCountsTable plan={review.plan} />
          )}
          {review.restore ? null : (
            <ConflictList items={review.plan.items} decisions={decisions} onDecide={setDecisions} />
          )}
          {review.leftOut.length > 0 ? (
            <Alert severity="info" data-testid="import-left-out">
              {I.leftOut(review.leftOut.map((t) => `“${TABLE_LABELS[t] ?? t}”`))}
            </Alert>
          ) : null}
          {rejected.length > 0 ? (
            <Alert severity="warning">
              {rejected
                .slice(0, 5)
                .map((r) => `${TABLE_LABELS[r.table] ?? r.table}：${r.reason ?? ''}`)
                .join('；')}
            </Alert>
          ) : null}
          {!review.restore && review.plan.renumbered.length > 0 ? (
            <Alert severity="info" data-testid="renumbered">
              {I.renumbered(review.plan.renumbered.length)}
              {review.plan.renumbered
                .slice(0, 10)
                .map((r) => `${r.from} → ${r.to}（${r.description}）`)
                .join('；')}
            </Alert>
          ) : null}
          {review.backup ? <Alert severity="warning">{I.restoreWarning}</Alert> : null}
          {toWrite === 0 ? <Alert severity="info">{I.nothing}</Alert> : null}
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button
              variant="contained"
              disabled={busy || toWrite === 0 || undecided > 0}
              onClick={() => void commit(review)}
            >
              {review.backup ? I.restore : I.commit(toWrite)}
            </Button>
            <Button disabled={busy} onClick={() => setReview(null)}>
              {I.cancel}
            </Button>
          </Box>
          {commitProblem ? (
            <Alert severity="error" data-testid="commit-problem">
              {commitProblem}
            </Alert>
          ) : null}
          {/* Beside the button that started it: the preview above may be long. */}
          {phase === 'backup' || phase === 'write' ? <Working text={I.phases[phase]} /> : null}
        </Box>
      ) : null}
    </Paper>
  );
}

/** What is being done now, while it is done. */
function Working({ text }: { text: string }) {
  return (
    <Box role="status">
      <Typography>{text}</Typography>
      <LinearProgress sx={{ mt: 1 }} />
    </Box>
  );
}

/** The backups kept on this PC, newest first, each restorable after a preview. */
function BackupList(props: { disabled: boolean; onRestore: (name: string) => void }) {
  const backups = useBackups();
  const manual = useManualBackup(I.backedUp);
  const notify = useNotify();
  // A copy to take to another PC (a new PC starts from a backup) or to keep on a stick.
  const saveCopy = async (name: string) => {
    const saved = await saveBackupElsewhere(name);
    if (saved.status === 'saved') notify.success(I.savedCopy(saved.path));
    else if (saved.status === 'failed') notify.error(null, saved.message);
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
        <Typography>{backups && backups.length > 0 ? I.backups : I.noBackups}</Typography>
        <Button size="small" disabled={manual.busy || props.disabled} onClick={manual.run}>
          {I.backupNow}
        </Button>
      </Box>
      {backups && backups.length > 0 ? (
        <Table size="small" aria-label={I.backupsTable}>
          <TableBody>
            {backups.slice(0, 8).map((b) => (
              <TableRow key={b.name}>
                <TableCell>{formatTimestamp(b.at)}</TableCell>
                <TableCell>{BACKUP_REASON_LABELS[b.reason]}</TableCell>
                <TableCell align="right">{formatBytes(b.size)}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    onClick={() => void saveCopy(b.name)}
                    aria-label={`${I.saveCopy} ${formatTimestamp(b.at)} ${BACKUP_REASON_LABELS[b.reason]}`}
                  >
                    {I.saveCopy}
                  </Button>
                  <Button
                    size="small"
                    disabled={props.disabled}
                    onClick={() => props.onRestore(b.name)}
                    aria-label={`${I.restoreThis} ${formatTimestamp(b.at)} ${BACKUP_REASON_LABELS[b.reason]}`}
                  >
                    {I.restoreThis}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}
