import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { BACKUP_REASON_LABELS } from '@shared/handoff/backups';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatTimestamp } from '../components/format';
import { SelectField } from '../components/SelectField';
import { recoverFromBackup, saveBackupElsewhere } from '../features/handoff/handoffFiles';
import { useBackups } from '../features/handoff/useBackups';

/**
 * When the database cannot be opened: the backups kept outside it are still there. The latest
 * (or an older one, chosen when the latest is damaged) can be restored into a new database that the app opens instead (the damaged one is kept as it
 * is, for a technician), or saved elsewhere to restore on another PC from its first-run screen.
 * Nothing here touches the damaged data.
 */
export function BackupRescue() {
  const backups = useBackups();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  if (!backups || backups.length === 0) return null;
  // The latest unless the user picked an older one (when the latest is damaged, say).
  const chosen = backups.find((b) => b.name === chosenName) ?? backups[0]!;
  const isLatest = chosen === backups[0];

  async function saveChosen(name: string) {
    const saved = await saveBackupElsewhere(name);
    setMessage(
      saved.status === 'saved'
        ? `已另存到 ${saved.path}。在修好的电脑或另一台电脑上，首次使用时选“已有本镇另一台电脑的备份？从文件恢复”。`
        : saved.status === 'failed'
          ? saved.message
          : null,
    );
  }

  async function restoreChosen(name: string) {
    setRestoring(true);
    setFailure(null);
    try {
      const problem = await recoverFromBackup(name);
      if (problem === null) {
        window.location.reload();
        return;
      }
      setFailure(backups!.length > 1 ? `${problem}可以在上面选一份更早的备份再试。` : problem);
    } catch (error) {
      setFailure(
        `恢复没有完成，数据没有改动：${error instanceof Error ? error.message : String(error)}`,
      );
    }
    setRestoring(false);
  }

  const describe = (b: (typeof backups)[number]) =>
    `${formatTimestamp(b.at)}（${BACKUP_REASON_LABELS[b.reason]}）`;
  const when = describe(chosen);
  const title = isLatest ? '用最新备份恢复' : '用所选备份恢复';
  return (
    <Box sx={{ mt: 3 }} data-testid="backup-rescue">
      <Typography variant="h4" gutterBottom>
        本机有备份
      </Typography>
      <Typography>
        {`最新的备份：${describe(backups[0]!)}，共 ${backups.length} 份。可以用它恢复后继续工作（原来的数据库保留不动），也可以把它另存出来，在另一台电脑上恢复。`}
      </Typography>
      {backups.length > 1 ? (
        <SelectField
          label="备份"
          value={chosen.name}
          onChange={(name) => {
            setChosenName(name);
            setFailure(null);
          }}
          options={backups.map((b) => ({ value: b.name, label: describe(b) }))}
          disabled={restoring}
          sx={{ mt: 2, width: 360 }}
        />
      ) : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="contained" disabled={restoring} onClick={() => setConfirming(true)}>
          {title}…
        </Button>
        <Button
          variant="outlined"
          disabled={restoring}
          onClick={() => void saveChosen(chosen.name)}
        >
          {isLatest ? '另存最新备份…' : '另存所选备份…'}
        </Button>
      </Stack>
      {restoring ? (
        <Box sx={{ mt: 2 }} role="status">
          <Typography>正在检查并恢复备份，请稍候……</Typography>
          <LinearProgress sx={{ mt: 1 }} />
        </Box>
      ) : null}
      {failure ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {failure}
        </Alert>
      ) : null}
      {message ? <Typography sx={{ mt: 1 }}>{message}</Typography> : null}
      <ConfirmDialog
        open={confirming}
        title={title}
        message={`将用 ${when} 的备份恢复，恢复后程序重新打开。这份备份之后录入的内容不在其中。无法打开的原数据库不会被删除或改动，技术人员仍可从中找回数据。`}
        confirmLabel="恢复"
        onConfirm={() => void restoreChosen(chosen.name)}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
}
