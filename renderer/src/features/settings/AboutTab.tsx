import { Alert, Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { SETTINGS } from './strings';
import { useAppInfo } from './useAppInfo';

const S = SETTINGS.about;

export function AboutTab() {
  const info = useAppInfo();
  if (!info) return null;
  const rows: [string, string][] = [
    [S.version, info.version],
    [S.mode, info.kind === 'desktop' ? `${S.desktop}（Electron ${info.electronVersion}）` : S.web],
    [S.dataFolder, info.dataFolder],
    ...(info.kind === 'desktop'
      ? ([[S.installed, info.portable ? S.portable : S.installed]] as [string, string][])
      : []),
    [S.persisted, info.persisted ? S.persistedYes : S.persistedNo],
  ];
  return (
    <Paper sx={{ p: 3, maxWidth: 760 }}>
      <Typography variant="h4" gutterBottom>
        乡镇生态环境工作台
      </Typography>
      <Table size="small" aria-label={SETTINGS.tabs.about}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell sx={{ width: 140 }}>{label}</TableCell>
              <TableCell data-testid={`about-${label}`}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Alert severity="success" sx={{ mt: 2 }}>
        {S.offline}
      </Alert>
    </Paper>
  );
}
