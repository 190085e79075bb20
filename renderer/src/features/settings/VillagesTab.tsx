import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import {
  Box,
  Button,
  Chip,
  FormControlLabel,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { Village } from '@shared/domain/village';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { useCan, usePeople, useVillages } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { useVillageListImport } from '../setup/useVillageListImport';
import { SETTINGS } from './strings';
import { VillageDialog } from './VillageDialog';

const S = SETTINGS.villages;

export function VillagesTab() {
  const [showDeleted, setShowDeleted] = useState(false);
  const villages = useVillages(showDeleted);
  const people = usePeople();
  const notify = useNotify();
  const mayEdit = useCan('setup');
  const fileImport = useVillageListImport();
  const [editing, setEditing] = useState<Village | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Village | null>(null);

  const leaders = useMemo(
    () => (people ?? []).filter((p) => p.roles.includes('townLeader')),
    [people],
  );
  const names = useMemo(() => new Map((people ?? []).map((p) => [p.id, p.name])), [people]);

  async function remove(village: Village) {
    try {
      await actions.setVillageDeleted(village.id, true);
      notify.success(S.deletedNotice(village.name), {
        label: SETTINGS.undo,
        run: () =>
          void actions
            .setVillageDeleted(village.id, false)
            .catch((error: unknown) => notify.error(error)),
      });
    } catch (error) {
      notify.error(error);
    }
  }

  async function restore(village: Village) {
    try {
      await actions.setVillageDeleted(village.id, false);
      notify.success(S.restored(village.name));
    } catch (error) {
      notify.error(error);
    }
  }

  async function importList() {
    const live = (villages ?? []).filter((v) => v.deletedAt === undefined).map((v) => v.name);
    const picked = await fileImport.pick(live);
    if (!picked) return;
    try {
      notify.success(S.imported(await actions.addVillages(picked.names)));
    } catch (error) {
      notify.error(error);
    }
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {mayEdit ? (
          <>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
              {S.add}
            </Button>
            <Button
              variant="outlined"
              startIcon={<UploadFileIcon />}
              onClick={() => void importList()}
              disabled={fileImport.busy}
            >
              {S.importList}
            </Button>
          </>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        <FormControlLabel
          control={
            <Switch checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
          }
          label={S.showDeleted}
        />
      </Box>
      {fileImport.issues ? (
        <IssueList
          title={S.fileIssues(fileImport.issues.fileName)}
          issues={fileImport.issues.issues}
        />
      ) : null}
      <TableContainer component={Paper}>
        <Table size="small" aria-label={SETTINGS.tabs.villages}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64 }}>{S.order}</TableCell>
              <TableCell>{S.name}</TableCell>
              <TableCell>{S.secretary}</TableCell>
              <TableCell>{S.contact}</TableCell>
              <TableCell>{S.leader}</TableCell>
              <TableCell>{S.groups}</TableCell>
              {mayEdit ? <TableCell align="right" sx={{ width: 170 }} /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {(villages ?? []).map((village) => {
              const deleted = village.deletedAt !== undefined;
              return (
                <TableRow key={village.id} hover sx={deleted ? { opacity: 0.6 } : undefined}>
                  <TableCell>{village.order}</TableCell>
                  <TableCell>
                    {village.name} {deleted ? <Chip size="small" label={S.deleted} /> : null}
                  </TableCell>
                  <TableCell>{village.secretary}</TableCell>
                  <TableCell>{village.contact}</TableCell>
                  <TableCell>{village.leaderId ? names.get(village.leaderId) : ''}</TableCell>
                  <TableCell>{village.groups.join('、')}</TableCell>
                  {mayEdit ? (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {deleted ? (
                        <Button size="small" onClick={() => void restore(village)}>
                          {SETTINGS.restore}
                        </Button>
                      ) : (
                        <>
                          <Button
                            size="small"
                            onClick={() => setEditing(village)}
                            aria-label={`${SETTINGS.edit} ${village.name}`}
                          >
                            {SETTINGS.edit}
                          </Button>
                          <Button
                            size="small"
                            color="error"
                            onClick={() => setDeleting(village)}
                            aria-label={`${SETTINGS.delete} ${village.name}`}
                          >
                            {SETTINGS.delete}
                          </Button>
                        </>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {editing !== null ? (
        <VillageDialog
          village={editing === 'new' ? null : editing}
          leaders={leaders}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify.success(SETTINGS.saved);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={SETTINGS.delete}
        message={deleting ? S.confirmDelete(deleting.name) : ''}
        confirmLabel={SETTINGS.delete}
        danger
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
}
