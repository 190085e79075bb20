import { Alert, AlertTitle, Box, Button, CircularProgress } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { openDatabase, type OpenResult } from '../db/open';
import { platform } from '../platform';
import { BackupRescue } from './BackupRescue';

const UNAVAILABLE =
  '数据库暂时无法打开。已保存的数据没有被删除。请关闭其他正在使用本应用的窗口，然后点击“重试”；如果仍然不行，请联系技术支持，不要删除程序文件夹。';

/** Opens the database first; if it cannot, says why and offers a retry, never an empty app. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [result, setResult] = useState<OpenResult | null>(null);
  useEffect(() => {
    void platform.getAppInfo().then((info) =>
      openDatabase({
        signer: platform,
        appVersion: info.version,
        write: async (data) => {
          const result = await platform.writeBackup('migration', data);
          return result.status === 'saved' ? { status: 'saved' } : result;
        },
      }).then(setResult),
    );
  }, []);
  if (!result) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="正在打开数据" />
      </Box>
    );
  }
  if (!result.ok) {
    return (
      <Box sx={{ p: 4, maxWidth: 720 }}>
        <Alert severity="error">
          <AlertTitle>无法打开数据</AlertTitle>
          {result.backupFailed ? result.detail : UNAVAILABLE}
          <Box sx={{ mt: 1, fontSize: 12, color: 'text.secondary' }}>{result.detail}</Box>
        </Alert>
        <Button sx={{ mt: 2 }} variant="contained" onClick={() => window.location.reload()}>
          重试
        </Button>
        <BackupRescue />
      </Box>
    );
  }
  return children;
}
