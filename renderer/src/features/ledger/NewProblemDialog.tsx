import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { addDays } from '@shared/domain/period';
import { PROBLEM_SOURCES, SOURCE_LABELS, type ProblemSource } from '@shared/domain/ledger';
import {
  CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  DEFAULT_FIX_DAYS,
  DEFAULT_PROBLEM_CATEGORIES,
  UPPER_LEVEL_LABELS,
  UPPER_LEVELS,
  formOf,
  type ComplaintChannel,
  type Problem,
  type ProblemForm,
  type UpperLevel,
} from '@shared/domain/problem';
import type { ValidationIssue } from '@shared/domain/validation';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useVillages } from '../../db/hooks';
import { useNotify } from '../../app/notify';
import { LEDGER } from './strings';
import { ReboundOffer } from './ReboundOffer';
import { DateField } from '../../components/DateField';
import { limitHelp } from '../../components/limitHelp';
import { TEXT_LIMITS } from '@shared/domain/textLimits';

const F = LEDGER.form;

/**
 * A new ledger item, or (with `correcting`) a correction of one: the same form, its source fixed
 * (it sets the number), the deadline fixed once work has started (it moves by 延期), and a reason
 * asked for once work has started.
 */
export function NewProblemDialog(props: {
  initial?: Partial<ProblemForm>;
  correcting?: Problem;
  deductionId?: string;
  today: string;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const villages = useVillages();
  const notify = useNotify();
  const [form, setForm] = useState<ProblemForm>({
    source: 'town',
    category: DEFAULT_PROBLEM_CATEGORIES[0]!,
    place: '',
    description: '',
    foundOn: props.today,
    deadline: addDays(props.today, DEFAULT_FIX_DAYS),
    responsiblePerson: '',
    responsibleLeader: '',
    ...props.initial,
    ...(props.correcting ? formOf(props.correcting) : {}),
  });
  const [reason, setReason] = useState('');
  /** The closed item this new one is the return (反弹) of, '' for none. */
  const [reboundOf, setReboundOf] = useState('');
  const correcting = props.correcting;
  const needsReason = correcting !== undefined && correcting.status !== 'pending';
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const set = (change: Partial<ProblemForm>) => setForm({ ...form, ...change });
  const field = (name: keyof ProblemForm) => ({
    error: Boolean(fieldMessage(issues, name)),
    helperText: fieldMessage(issues, name),
  });

  async function save() {
    if (correcting) {
      try {
        await actions.correctProblem(correcting.id, form, reason);
        notify.success(F.corrected(correcting.number));
        props.onClose();
      } catch (error) {
        setIssues(issuesOf(error));
      }
      return;
    }
    try {
      const created = await actions.createProblem(form, {
        ...(props.deductionId ? { deductionId: props.deductionId } : {}),
        ...(reboundOf ? { rebound: { of: reboundOf } } : {}),
      });
      notify.success(F.created(created.number));
      props.onClose();
      props.onCreated?.(created.id);
    } catch (error) {
      setIssues(issuesOf(error));
    }
  }

  return (
    <FormDialog
      title={correcting ? F.correctTitle(correcting.number) : F.title}
      onClose={props.onClose}
      onSubmit={save}
    >
      <TextField
        select
        disabled={correcting !== undefined}
        label={F.source}
        value={form.source}
        onChange={(e) => set({ source: e.target.value as ProblemSource })}
      >
        {PROBLEM_SOURCES.map((s) => (
          <MenuItem key={s} value={s}>
            {SOURCE_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      {form.source === 'upper' ? (
        <>
          <TextField
            select
            label={F.upperLevel}
            value={form.upperLevel ?? ''}
            onChange={(e) => set({ upperLevel: e.target.value as UpperLevel })}
            {...field('upperLevel')}
          >
            {UPPER_LEVELS.map((l) => (
              <MenuItem key={l} value={l}>
                {UPPER_LEVEL_LABELS[l]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={F.batch}
            value={form.batch ?? ''}
            onChange={(e) => set({ batch: e.target.value })}
          />
          <TextField
            label={F.countyNumber}
            value={form.countyNumber ?? ''}
            onChange={(e) => set({ countyNumber: e.target.value })}
            {...field('countyNumber')}
          />
          <TextField
            label={F.requirement}
            value={form.requirement ?? ''}
            onChange={(e) => set({ requirement: e.target.value })}
            multiline
            minRows={2}
            {...field('requirement')}
          />
        </>
      ) : null}
      {form.source === 'public' ? (
        <>
          <TextField
            select
            label={F.channel}
            value={form.channel ?? ''}
            onChange={(e) => set({ channel: e.target.value as ComplaintChannel })}
            {...field('channel')}
          >
            {COMPLAINT_CHANNELS.map((c) => (
              <MenuItem key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={F.complainant}
            value={form.complainant ?? ''}
            onChange={(e) => set({ complainant: e.target.value })}
          />
        </>
      ) : null}
      <TextField
        select
        label={F.category}
        value={form.category}
        onChange={(e) => set({ category: e.target.value })}
        {...field('category')}
      >
        {DEFAULT_PROBLEM_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={F.village}
        value={form.villageId ?? ''}
        onChange={(e) => set({ villageId: e.target.value || undefined })}
      >
        <MenuItem value="">{F.noVillage}</MenuItem>
        {(villages ?? []).map((v) => (
          <MenuItem key={v.id} value={v.id}>
            {v.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={F.place}
        value={form.place}
        onChange={(e) => set({ place: e.target.value })}
        {...field('place')}
      />
      <TextField
        label={F.description}
        value={form.description}
        onChange={(e) => set({ description: e.target.value })}
        multiline
        minRows={2}
        required
        {...field('description')}
      />
      <DateField
        label={F.foundOn}
        value={form.foundOn}
        onChange={(foundOn) => set({ foundOn })}
        disableFuture
        {...field('foundOn')}
      />
      <DateField
        label={F.deadline}
        value={form.deadline}
        onChange={(deadline) => set({ deadline })}
        disabled={needsReason}
        {...field('deadline')}
        helperText={
          fieldMessage(issues, 'deadline') ?? (needsReason ? F.deadlineByExtension : undefined)
        }
      />
      <TextField
        label={F.person}
        value={form.responsiblePerson}
        onChange={(e) => set({ responsiblePerson: e.target.value })}
        required
        {...field('responsiblePerson')}
      />
      <TextField
        label={F.leader}
        value={form.responsibleLeader}
        onChange={(e) => set({ responsibleLeader: e.target.value })}
      />
      {!correcting ? <ReboundOffer form={form} value={reboundOf} onChange={setReboundOf} /> : null}
      {needsReason ? (
        <TextField
          label={F.correctReason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          {...limitHelp(reason, TEXT_LIMITS.reason, fieldMessage(issues, 'reason'))}
        />
      ) : null}
      <IssueList
        issues={issues.filter(
          (i) =>
            ![
              'upperLevel',
              'channel',
              'category',
              'place',
              'description',
              'foundOn',
              'deadline',
              'responsiblePerson',
              'reason',
            ].includes(i.field),
        )}
      />
    </FormDialog>
  );
}
