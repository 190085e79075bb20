import { Box, Button, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupFile } from '@shared/handoff/backups';
import { platform } from '../platform';
import { formatTimestamp } from '../components/format';

/**
 * When the database cannot be opened: the backups kept outside it are still there. The latest
 * can be saved elsewhere (to restore on this PC after repair, or on another PC from its first-run
 * screen). Nothing here touches the damaged data.
 */
export function BackupRescue() {
  const [backups, setBackups] = useState<BackupFile[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void platform.listBackups().then(
      (list) => live && setBackups(list),
      () => live && setBackups([]),
    );
    return () => {
      live = false;
    };
  }, []);
  const latest = backups?.[0];
  if (!latest) return null;

  async function saveLatest(name: string) {
    const read = await platform.readBackup(name);
    if (read.status !== 'opened') {
      setMessage(read.status === 'failed' ? read.message : null);
      return;
    }
    const saved = await platform.saveFile({
      suggestedName: name,
      data: read.data,
      filters: [{ name: '备份', extensions: ['zip'] }],
    });
    setMessage(
      saved.status === 'saved'
        ? `已另存到 ${saved.path}。在修好的电脑或另一台电脑上，首次使用时选“已有数据交换包或备份？从文件恢复”。`
        : saved.status === 'failed'
          ? saved.message
          : null,
    );
  }

  return (
    <Box sx={{ mt: 3 }} data-testid="backup-rescue">
      <Typography variant="h4" gutterBottom>
        本机有备份
      </Typography>
      <Typography>
        最新的备份：{formatTimestamp(latest.at)}（{BACKUP_REASON_LABELS[latest.reason]}），共{' '}
        {backups.length} 份。可以把它另存出来，在另一台电脑上恢复。
      </Typography>
      <Button sx={{ mt: 1 }} variant="outlined" onClick={() => void saveLatest(latest.name)}>
        另存最新备份…
      </Button>
      {message ? <Typography sx={{ mt: 1 }}>{message}</Typography> : null}
    </Box>
  );
}
