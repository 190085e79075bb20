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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Deduction, PhotoRef, VillageCheck } from '@shared/domain/assessment';
import type { VillageScore } from '@shared/domain/scoring';
import type { StandardItem, StandardVersion } from '@shared/domain/standard';
import type { Village } from '@shared/domain/village';
import { PhotoStrip } from './PhotoStrip';
import { ASSESSMENT } from './strings';
import { TEXT_LIMITS } from '@shared/domain/textLimits';
import { limitHelp } from '../../components/limitHelp';

const P = ASSESSMENT.panel;

/**
 * A field's value that starts as `stored` and follows later changes of it — unless the user has
 * changed the field since the last stored value, which is then kept as typed.
 */
function useStored<T>(stored: T): [T, (value: T) => void] {
  const [value, setValue] = useState(stored);
  const [last, setLast] = useState(stored);
  if (stored !== last) {
    setLast(stored);
    if (value === last) setValue(stored);
  }
  return [value, setValue];
}

/** Details of the selected cell (rule, points, note, place) and of the village's period. */
export function CellPanel(props: {
  standard: StandardVersion;
  village: Village;
  item: StandardItem;
  deduction: Deduction | undefined;
  score: VillageScore | undefined;
  check: VillageCheck | undefined;
  readOnly: boolean;
  /** Whether the account may open a ledger item from the cell (开整改问题). */
  mayOpenProblem: boolean;
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
  // Keyed by the parent on the cell: each field starts from what is stored and follows what is
  // stored later (a save, the grid) unless the user has typed in it since.
  const [note, setNote] = useStored(deduction?.note ?? '');
  const [place, setPlace] = useStored(deduction?.place ?? '');
  const [points, setPoints] = useStored(
    deduction?.count === null && deduction.points !== null ? String(deduction.points) : '',
  );
  const [skipped, setSkipped] = useStored(props.check?.skipped ?? false);
  const [bonus, setBonus] = useStored(String(props.check?.bonus ?? 0));
  const [bonusReason, setBonusReason] = useStored(props.check?.bonusReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const saving = useRef<Promise<string | null> | null>(null);

  const storedPoints =
    deduction?.count === null && deduction.points !== null ? String(deduction.points) : '';
  const dirty = () =>
    note !== (deduction?.note ?? '') ||
    place !== (deduction?.place ?? '') ||
    points !== storedPoints;

  /** Saves what is typed; resolves with the reason when it cannot be saved. */
  async function save(): Promise<string | null> {
    const direct = points.trim() === '' ? null : Number(points);
    if (direct !== null && !Number.isFinite(direct)) return '扣分应是数字。';
    const count = direct === null ? (deduction?.count ?? 0) : null;
    return props.onSaveCell({ count, points: direct, note, place });
  }

  /**
   * Saved as soon as the user leaves a field (another cell, 添加照片, anywhere): what was typed
   * is never lost by moving on ("每一格自动保存").
   */
  function autoSave(): Promise<string | null> {
    // Leaving a field for the 添加照片 button saves once, not twice.
    if (saving.current) return saving.current;
    if (props.readOnly || !dirty()) return Promise.resolve(null);
    saving.current = save().then((problem) => {
      saving.current = null;
      if (problem) setError(problem);
      return problem;
    });
    return saving.current;
  }

  // Another cell chosen (the grid keeps the focus, so no field may lose it first): what was
  // typed here is saved as the panel goes.
  const leaving = useRef(autoSave);
  useEffect(() => {
    leaving.current = autoSave;
  });
  useEffect(() => () => void leaving.current(), []);

  async function saveCell(event: FormEvent) {
    event.preventDefault();
    setError(await save());
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
            multiline
            maxRows={4}
            {...limitHelp(note, TEXT_LIMITS.deductionNote)}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => void autoSave()}
            disabled={props.readOnly}
          />
          <TextField
            label={P.place}
            {...limitHelp(place, TEXT_LIMITS.deductionPlace)}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            onBlur={() => void autoSave()}
            disabled={props.readOnly}
          />
          {!item.zeroesCategory ? (
            <TextField
              label={P.points}
              helperText={P.pointsHelp}
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              onBlur={() => void autoSave()}
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
        ) : itemPoints && props.mayOpenProblem ? (
          <Box>
            <Button
              size="small"
              variant="outlined"
              onClick={() =>
                // The item is opened from the cell as typed: saved first.
                void autoSave().then((problem) => !problem && props.onOpenProblem())
              }
            >
              {P.openProblem}
            </Button>
          </Box>
        ) : null}
        <PhotoStrip
          photos={deduction?.photos ?? []}
          readOnly={props.readOnly}
          onAdd={() =>
            void autoSave().then(async (problem) => {
              // A photo goes on the cell as typed: what could not be saved is said first.
              if (!problem) setError(await props.onAddPhoto());
            })
          }
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
            {...limitHelp(bonusReason, TEXT_LIMITS.bonusReason)}
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
