import { Box, DialogContentText, TextField } from '@mui/material';
import { useState } from 'react';
import {
  FOREST_FINDINGS,
  RIVER_FINDINGS,
  WEATHER,
  type ForestPatrol,
  type ForestPatrolForm,
  type RiverPatrol,
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
import { TimeField } from '../../components/TimeField';
import { normalizeTypedTime } from '@shared/domain/dates';
import { limitHelp } from '../../components/limitHelp';
import { TEXT_LIMITS } from '@shared/domain/textLimits';

const S = PATROLS.form;

/** The reason of a correction, with what a correction keeps (shown only when correcting). */
function CorrectionReason({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <>
      <DialogContentText>{S.correctHelp}</DialogContentText>
      <TextField
        label={S.reason}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...limitHelp(value, TEXT_LIMITS.reason)}
      />
    </>
  );
}

/** Records a river patrol, or corrects a stored one (`correcting`, with a reason). */
export function RiverPatrolDialog({
  data,
  correcting,
  onClose,
}: {
  data: PatrolData;
  correcting?: RiverPatrol | undefined;
  onClose: () => void;
}) {
  const first = data.rivers[0];
  const [reason, setReason] = useState('');
  const { form, set, text, issues, run } = useFormDialog<RiverPatrolForm>(
    correcting
      ? {
          riverId: correcting.riverId,
          segmentId: correcting.segmentId,
          date: correcting.date,
          startTime: correcting.startTime,
          endTime: correcting.endTime,
          routeFrom: correcting.routeFrom,
          routeTo: correcting.routeTo,
          checked: correcting.checked,
          findings: correcting.findings.map((f) => ({ ...f })),
          action: correcting.action,
        }
      : {
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
    correcting ? S.corrected : S.saved,
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
      title={correcting ? S.riverCorrectTitle : S.riverTitle}
      onClose={onClose}
      onSubmit={() =>
        run(() =>
          actions.saveRiverPatrol(
            {
              ...form,
              startTime: normalizeTypedTime(form.startTime),
              endTime: normalizeTypedTime(form.endTime),
            },
            correcting ? { id: correcting.id, reason } : undefined,
          ),
        )
      }
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
        <TimeField
          label={S.start}
          value={form.startTime}
          onChange={(startTime) => set({ startTime })}
        />
        <TimeField label={S.end} value={form.endTime} onChange={(endTime) => set({ endTime })} />
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
      {correcting ? (
        <CorrectionReason
          value={reason}
          onChange={(value) => {
            setReason(value);
            set({}); // the messages answered go, as for every other field
          }}
        />
      ) : null}
      <IssueList issues={issues} />
    </FormDialog>
  );
}

/** Records a forest patrol, or corrects a stored one (`correcting`, with a reason). */
export function ForestPatrolDialog({
  data,
  correcting,
  onClose,
}: {
  data: PatrolData;
  correcting?: ForestPatrol | undefined;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const { form, set, text, issues, run } = useFormDialog<ForestPatrolForm>(
    correcting
      ? {
          plotId: correcting.plotId,
          date: correcting.date,
          weather: correcting.weather,
          findings: correcting.findings.map((f) => ({ ...f })),
          note: correcting.note,
        }
      : {
          plotId: data.plots[0]?.id ?? '',
          date: data.today,
          weather: '晴',
          findings: [],
          note: '',
        },
    correcting ? S.corrected : S.saved,
    onClose,
  );
  return (
    <FormDialog
      title={correcting ? S.forestCorrectTitle : S.forestTitle}
      onClose={onClose}
      onSubmit={() =>
        run(() =>
          actions.saveForestPatrol(form, correcting ? { id: correcting.id, reason } : undefined),
        )
      }
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
      {correcting ? (
        <CorrectionReason
          value={reason}
          onChange={(value) => {
            setReason(value);
            set({}); // the messages answered go, as for every other field
          }}
        />
      ) : null}
      <IssueList issues={issues} />
    </FormDialog>
  );
}
