import { Box, TextField } from '@mui/material';
import {
  FOREST_FINDINGS,
  RIVER_FINDINGS,
  WEATHER,
  type ForestPatrolForm,
  type RiverPatrolForm,
} from '@shared/domain/patrol';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { useFormDialog } from '../../components/useFormDialog';
import { FindingsEditor } from './FindingsEditor';
import { PATROLS } from './strings';
import type { PatrolData } from './usePatrols';
import { plainOptions, SelectField } from '../../components/SelectField';
import { DateField } from '../../components/DateField';

const S = PATROLS.form;
const DATE = { inputLabel: { shrink: true } } as const;

export function RiverPatrolDialog({ data, onClose }: { data: PatrolData; onClose: () => void }) {
  const first = data.rivers[0];
  const { form, set, text, issues, run } = useFormDialog<RiverPatrolForm>(
    {
      riverId: first?.id ?? '',
      segmentId: first?.segments[0]?.id ?? '',
      date: data.today,
      startTime: '08:30',
      endTime: '10:30',
      routeFrom: '',
      routeTo: '',
      checked: '河面漂浮物、河岸垃圾、排污口、违建',
      findings: [],
      action: '',
    },
    S.saved,
    onClose,
  );
  const segments = data.rivers.flatMap((r) =>
    r.segments.map((s) => ({
      value: `${r.id}|${s.id}`,
      label: `${r.name}${s.name}（${data.names.get(s.chiefId) ?? ''}）`,
    })),
  );
  return (
    <FormDialog
      title={S.riverTitle}
      onClose={onClose}
      onSubmit={() => run(() => actions.saveRiverPatrol(form))}
      maxWidth="md"
    >
      <SelectField
        label={S.segment}
        value={`${form.riverId}|${form.segmentId}`}
        onChange={(value) => {
          const [riverId = '', segmentId = ''] = value.split('|');
          set({ riverId, segmentId });
        }}
        options={segments}
      />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <DateField
          label={S.date}
          value={form.date}
          onChange={(date) => set({ date })}
          disableFuture
        />
        <TextField label={S.start} type="time" {...text('startTime')} slotProps={DATE} />
        <TextField label={S.end} type="time" {...text('endTime')} slotProps={DATE} />
      </Box>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField label={S.from} {...text('routeFrom')} sx={{ flex: 1 }} />
        <TextField label={S.to} {...text('routeTo')} sx={{ flex: 1 }} />
      </Box>
      <TextField label={S.checked} {...text('checked')} />
      <FindingsEditor
        kinds={RIVER_FINDINGS}
        findings={form.findings}
        onChange={(findings) => set({ findings })}
      />
      <TextField label={S.action} {...text('action')} />
      <IssueList issues={issues} />
    </FormDialog>
  );
}

export function ForestPatrolDialog({ data, onClose }: { data: PatrolData; onClose: () => void }) {
  const { form, set, text, issues, run } = useFormDialog<ForestPatrolForm>(
    { plotId: data.plots[0]?.id ?? '', date: data.today, weather: '晴', findings: [], note: '' },
    S.saved,
    onClose,
  );
  return (
    <FormDialog
      title={S.forestTitle}
      onClose={onClose}
      onSubmit={() => run(() => actions.saveForestPatrol(form))}
      maxWidth="md"
    >
      <SelectField
        label={S.plot}
        value={form.plotId}
        onChange={(plotId) => set({ plotId })}
        options={data.plots.map((p) => ({
          value: p.id,
          label: `${p.name}（${data.names.get(p.rangerId) ?? ''}）`,
        }))}
      />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <DateField
          label={S.date}
          value={form.date}
          onChange={(date) => set({ date })}
          disableFuture
        />
        <SelectField
          label={S.weather}
          value={form.weather}
          onChange={(weather) => set({ weather })}
          options={plainOptions(WEATHER)}
          sx={{ width: 140 }}
        />
      </Box>
      <FindingsEditor
        kinds={FOREST_FINDINGS}
        findings={form.findings}
        onChange={(findings) => set({ findings })}
      />
      <TextField label={S.note} {...text('note')} />
      <IssueList issues={issues} />
    </FormDialog>
  );
}
