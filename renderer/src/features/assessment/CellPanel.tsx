import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Deduction, PhotoRef, VillageCheck } from '@shared/domain/assessment';
import type { VillageScore } from '@shared/domain/scoring';
import type { StandardItem, StandardVersion } from '@shared/domain/standard';
import type { Village } from '@shared/domain/village';
import { PhotoStrip } from './PhotoStrip';
import { ASSESSMENT } from './strings';

const P = ASSESSMENT.panel;

/** Details of the selected cell (rule, points, note, place) and of the village's period. */
export function CellPanel(props: {
  standard: StandardVersion;
  village: Village;
  item: StandardItem;
  deduction: Deduction | undefined;
  score: VillageScore | undefined;
  check: VillageCheck | undefined;
  readOnly: boolean;
  onSaveCell: (change: {
    count: number | null;
    points: number | null;
    note: string;
    place: string;
  }) => Promise<string | null>;
  onSaveVillage: (change: {
    skipped: boolean;
    bonus: number;
    bonusReason: string;
  }) => Promise<string | null>;
  onAddPhoto: () => Promise<string | null>;
  onOpenProblem: () => void;
  onRemovePhoto: (photo: PhotoRef) => Promise<string | null>;
}) {
  const { item, deduction, score } = props;
  const category = props.standard.categories.find((c) => c.name === item.category);
  const itemPoints = score?.items.find((i) => i.itemCode === item.code);
  // Keyed by the parent on the cell and its saved version, so these start from what is stored.
  const [note, setNote] = useState(deduction?.note ?? '');
  const [place, setPlace] = useState(deduction?.place ?? '');
  const [points, setPoints] = useState(
    deduction?.count === null && deduction.points !== null ? String(deduction.points) : '',
  );
  const [skipped, setSkipped] = useState(props.check?.skipped ?? false);
  const [bonus, setBonus] = useState(String(props.check?.bonus ?? 0));
  const [bonusReason, setBonusReason] = useState(props.check?.bonusReason ?? '');
  const [error, setError] = useState<string | null>(null);

  async function saveCell(event: FormEvent) {
    event.preventDefault();
    const direct = points.trim() === '' ? null : Number(points);
    if (direct !== null && !Number.isFinite(direct)) {
      setError('扣分应是数字。');
      return;
    }
    const count = direct === null ? (deduction?.count ?? 0) : null;
    setError(await props.onSaveCell({ count, points: direct, note, place }));
  }

  async function saveVillage(event: FormEvent) {
    event.preventDefault();
    const value = bonus.trim() === '' ? 0 : Number(bonus);
    if (!Number.isFinite(value)) {
      setError('加分应是数字。');
      return;
    }
    setError(await props.onSaveVillage({ skipped, bonus: value, bonusReason }));
  }

  return (
    <Paper
      sx={{ p: 2, display: 'grid', gap: 2, gridTemplateColumns: { md: '3fr 2fr' } }}
      data-testid="cell-panel"
    >
      <Box
        component="form"
        onSubmit={(e) => void saveCell(e)}
        noValidate
        sx={{ display: 'grid', gap: 1.5 }}
      >
        <Box>
          <Typography variant="h5">
            {props.village.name} · {item.code} {item.title}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 0.5, flexWrap: 'wrap' }}>
            <Chip size="small" label={item.category} variant="outlined" />
            <Typography variant="body2" color="text.secondary">
              {item.zeroesCategory
                ? P.zeroRule(item.category, category?.points ?? 0)
                : P.rule(item.perInstance, item.unit, item.cap)}
            </Typography>
            {itemPoints ? (
              <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="item-points">
                {P.deducted(itemPoints.points)}
                {itemPoints.capped ? `，${P.capped(item.cap)}` : ''}
              </Typography>
            ) : null}
          </Box>
        </Box>
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: '1fr 1fr' }}>
          <TextField
            label={P.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            disabled={props.readOnly}
          />
          <TextField
            label={P.place}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            disabled={props.readOnly}
          />
          {!item.zeroesCategory ? (
            <TextField
              label={P.points}
              helperText={P.pointsHelp}
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              disabled={props.readOnly}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          ) : null}
        </Box>
        {deduction?.problemId ? (
          <Box>
            <Button component={Link} to={`/ledger/${deduction.problemId}`} size="small">
              {P.viewProblem}
            </Button>
          </Box>
        ) : itemPoints ? (
          <Box>
            <Button size="small" variant="outlined" onClick={props.onOpenProblem}>
              {P.openProblem}
            </Button>
          </Box>
        ) : null}
        <PhotoStrip
          photos={deduction?.photos ?? []}
          readOnly={props.readOnly}
          onAdd={() => void props.onAddPhoto().then(setError)}
          onRemove={(photo) => void props.onRemovePhoto(photo).then(setError)}
        />
        {!props.readOnly ? (
          <Box>
            <Button type="submit" variant="outlined">
              {P.save}
            </Button>
          </Box>
        ) : null}
      </Box>
      <Box
        component="form"
        onSubmit={(e) => void saveVillage(e)}
        noValidate
        sx={{ display: 'grid', gap: 1.5, alignContent: 'start' }}
      >
        <Typography variant="h5">
          {props.village.name} · {P.village}
        </Typography>
        <Typography variant="body2" data-testid="village-score">
          {P.villageScore(
            skipped ? null : (score?.score ?? 100),
            score?.deducted ?? 0,
            score?.bonus ?? 0,
          )}
        </Typography>
        <FormControlLabel
          control={
            <Checkbox
              checked={skipped}
              onChange={(e) => setSkipped(e.target.checked)}
              disabled={props.readOnly}
            />
          }
          label={P.skip}
        />
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: '100px 1fr' }}>
          <TextField
            label={P.bonus}
            value={bonus}
            onChange={(e) => setBonus(e.target.value)}
            disabled={props.readOnly || skipped}
          />
          <TextField
            label={P.bonusReason}
            value={bonusReason}
            onChange={(e) => setBonusReason(e.target.value)}
            disabled={props.readOnly || skipped}
          />
        </Box>
        {!props.readOnly ? (
          <Box>
            <Button type="submit" variant="outlined">
              {P.saveVillage}
            </Button>
          </Box>
        ) : null}
      </Box>
      {error ? (
        <Alert severity="error" sx={{ gridColumn: '1 / -1' }} role="alert">
          {error}
        </Alert>
      ) : null}
    </Paper>
  );
}
