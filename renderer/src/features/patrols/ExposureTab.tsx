import PrintIcon from '@mui/icons-material/PrintOutlined';
import {
  Box,
  Button,
  Checkbox,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useNavigate } from 'react-router';
import { STATUS_LABELS } from '@shared/domain/ledger';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import { useCan, useExposureCandidates } from '../../db/hooks';
import { PATROLS } from './strings';
import type { PatrolData } from './usePatrols';

const E = PATROLS.exposure;

/** 曝光台: choose the items to make public, then print the board. */
export function ExposureTab({ data }: { data: PatrolData }) {
  const candidates = useExposureCandidates();
  const navigate = useNavigate();
  const notify = useNotify();
  // Choosing what is made public is a change to the ledger; the board prints for anyone.
  const mayChoose = useCan('ledger');
  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography color="text.secondary" sx={{ flex: 1 }}>
          {mayChoose ? E.help : null}
        </Typography>
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          onClick={() => void navigate('/print/exposure')}
        >
          {E.print}
        </Button>
      </Box>
      {candidates && candidates.length === 0 ? (
        <Typography color="text.secondary">{E.none}</Typography>
      ) : null}
      <Table size="small" aria-label="曝光台">
        <TableHead>
          <TableRow>
            {E.columns.map((c) => (
              <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(candidates ?? []).map((p) => (
            <TableRow key={p.id}>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={Boolean(p.exposed)}
                  disabled={!mayChoose}
                  slotProps={{ input: { 'aria-label': `曝光 ${p.number}` } }}
                  onChange={(e) =>
                    void actions
                      .setExposed(p.id, e.target.checked)
                      .catch((err: unknown) => notify.error(err))
                  }
                />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.number}</TableCell>
              <TableCell>{p.villageId ? data.names.get(p.villageId) : ''}</TableCell>
              <TableCell>{p.category}</TableCell>
              <TableCell>{p.description}</TableCell>
              <TableCell>{STATUS_LABELS[p.status]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
