import { Box, TextField } from '@mui/material';
import { useState } from 'react';
import { addDays } from '@shared/domain/period';
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
import { useDialogSave } from '../../components/useDialogSave';
import { FindingsEditor } from './FindingsEditor';
import { PATROLS } from './strings';
import type { PatrolData } from './usePatrols';
import { plainOptions, SelectField } from '../../components/SelectField';

const S = PATROLS.form;
const DATE = { inputLabel: { shrink: true } } as const;

export function RiverPatrolDialog({ data, onClose }: { data: PatrolData; onClose: () => void }) {
  const first = data.rivers[0];
  const [form, setForm] = useState<RiverPatrolForm>({
    riverId: first?.id ?? '',
    segmentId: first?.segments[0]?.id ?? '',
    date: addDays(data.today, 0),
    startTime: '08:30',
    endTime: '10:30',
    routeFrom: '',
    routeTo: '',
    checked: '河面漂浮物、河岸垃圾、排污口、违建',
    findings: [],
    action: '',
  });
  const { issues, run, clear } = useDialogSave(S.saved, onClose);
  const set = (patch: Partial<RiverPatrolForm>) => {
    clear();
    setForm((f) => ({ ...f, ...patch }));
  };
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
        <TextField
          label={S.date}
          type="date"
          value={form.date}
          onChange={(e) => set({ date: e.target.value })}
          slotProps={DATE}
        />
        <TextField
          label={S.start}
          type="time"
          value={form.startTime}
          onChange={(e) => set({ startTime: e.target.value })}
          slotProps={DATE}
        />
        <TextField
          label={S.end}
          type="time"
          value={form.endTime}
          onChange={(e) => set({ endTime: e.target.value })}
          slotProps={DATE}
        />
      </Box>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          label={S.from}
          value={form.routeFrom}
          onChange={(e) => set({ routeFrom: e.target.value })}
          sx={{ flex: 1 }}
        />
        <TextField
          label={S.to}
          value={form.routeTo}
          onChange={(e) => set({ routeTo: e.target.value })}
          sx={{ flex: 1 }}
        />
      </Box>
      <TextField
        label={S.checked}
        value={form.checked}
        onChange={(e) => set({ checked: e.target.value })}
      />
      <FindingsEditor
        kinds={RIVER_FINDINGS}
        findings={form.findings}
        onChange={(findings) => set({ findings })}
      />
      <TextField
        label={S.action}
        value={form.action}
        onChange={(e) => set({ action: e.target.value })}
      />
      <IssueList issues={issues} />
    </FormDialog>
  );
}

export function ForestPatrolDialog({ data, onClose }: { data: PatrolData; onClose: () => void }) {
  const [form, setForm] = useState<ForestPatrolForm>({
    plotId: data.plots[0]?.id ?? '',
    date: data.today,
    weather: '晴',
    findings: [],
    note: '',
  });
  const { issues, run, clear } = useDialogSave(S.saved, onClose);
  const set = (patch: Partial<ForestPatrolForm>) => {
    clear();
    setForm((f) => ({ ...f, ...patch }));
  };
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
        <TextField
          label={S.date}
          type="date"
          value={form.date}
          onChange={(e) => set({ date: e.target.value })}
          slotProps={DATE}
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
      <TextField label={S.note} value={form.note} onChange={(e) => set({ note: e.target.value })} />
      <IssueList issues={issues} />
    </FormDialog>
  );
}
