import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ForestPlot, River, RiverSegment } from '@shared/domain/patrol';
import type { Person, PersonRole } from '@shared/domain/person';
import { FormDialog } from '../../components/FormDialog';
import { IssueList } from '../../components/IssueList';
import { actions } from '../../db/actions';
import { useCan } from '../../db/hooks';
import { useDialogSave } from '../../components/useDialogSave';
import { useFormDialog } from '../../components/useFormDialog';
import { PATROLS } from './strings';
import type { PatrolData } from './usePatrols';
import { SelectField } from '../../components/SelectField';
import { SectionCard } from '../../components/SectionCard';

const G = PATROLS.grid;

const holding = (people: readonly Person[], roles: PersonRole[]) =>
  people.filter((p) => p.roles.some((r) => roles.includes(r)));

function PersonSelect(props: {
  label: string;
  value: string;
  people: readonly Person[];
  onChange: (id: string) => void;
  aria?: string;
  optional?: boolean;
}) {
  return (
    <SelectField
      size="small"
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      ariaLabel={props.aria}
      placeholder={props.optional ? '（无）' : '请选择'}
      options={props.people.map((p) => ({ value: p.id, label: p.name }))}
      sx={{ minWidth: 150 }}
    />
  );
}

type SegmentDraft = Omit<RiverSegment, 'id'> & { id?: string | undefined };

function RiverDialog({
  data,
  river,
  onClose,
}: {
  data: PatrolData;
  river: River | null;
  onClose: () => void;
}) {
  const [name, setName] = useState(river?.name ?? '');
  const [segments, setSegments] = useState<SegmentDraft[]>(
    river?.segments ?? [{ name: '', level: 'village', chiefId: '', villageId: '' }],
  );
  const { issues, run, clear } = useDialogSave(G.saved, onClose);
  const chiefs = holding(data.people, ['townRiverChief', 'villageRiverChief']);
  const set = (i: number, patch: Partial<SegmentDraft>) => {
    clear();
    setSegments((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  };
  return (
    <FormDialog
      title={river ? `${G.editRiver}：${river.name}` : G.addRiver}
      onClose={onClose}
      onSubmit={() => run(() => actions.saveRiver(river?.id, { name, segments }))}
      maxWidth="md"
    >
      <TextField
        label={G.riverName}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <Typography variant="subtitle2">{G.segments}</Typography>
      {segments.map((s, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={G.segmentName}
            value={s.name}
            onChange={(e) => set(i, { name: e.target.value })}
            slotProps={{ htmlInput: { 'aria-label': `河段 ${i + 1} 名称` } }}
          />
          <SelectField
            size="small"
            label={G.level}
            value={s.level}
            onChange={(level) => set(i, { level: level as 'town' | 'village' })}
            ariaLabel={`河段 ${i + 1} 级别`}
            options={[
              { value: 'village', label: G.levels.village },
              { value: 'town', label: G.levels.town },
            ]}
          />
          <PersonSelect
            label={G.chief}
            value={s.chiefId}
            people={chiefs}
            onChange={(chiefId) => set(i, { chiefId })}
            aria={`河段 ${i + 1} 河长`}
          />
          <SelectField
            size="small"
            label={G.village}
            value={s.villageId ?? ''}
            onChange={(villageId) => set(i, { villageId })}
            ariaLabel={`河段 ${i + 1} 所在村`}
            placeholder="（跨村）"
            options={data.villages.map((v) => ({ value: v.id, label: v.name }))}
          />
          <IconButton
            aria-label="删除河段"
            onClick={() => setSegments((list) => list.filter((_, j) => j !== i))}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Box>
        <Button
          size="small"
          onClick={() =>
            setSegments((list) => [
              ...list,
              { name: '', level: 'village', chiefId: '', villageId: '' },
            ])
          }
        >
          {G.addSegment}
        </Button>
      </Box>
      <IssueList issues={issues} />
    </FormDialog>
  );
}

function PlotDialog({
  data,
  plot,
  onClose,
}: {
  data: PatrolData;
  plot: ForestPlot | null;
  onClose: () => void;
}) {
  const { form, set, text, issues, run } = useFormDialog(
    {
      name: plot?.name ?? '',
      villageId: plot?.villageId ?? '',
      group: plot?.group ?? '',
      cadreId: plot?.cadreId ?? '',
      rangerId: plot?.rangerId ?? '',
    },
    G.saved,
    onClose,
  );
  return (
    <FormDialog
      title={plot ? plot.name : G.addPlot}
      onClose={onClose}
      onSubmit={() => run(() => actions.saveForestPlot(plot?.id, form))}
    >
      <TextField label={G.plotName} {...text('name')} autoFocus />
      <SelectField
        label={G.village}
        value={form.villageId}
        onChange={(villageId) => set({ villageId })}
        placeholder="请选择"
        options={data.villages.map((v) => ({ value: v.id, label: v.name }))}
      />
      <TextField label={G.group} {...text('group')} />
      <PersonSelect
        label={G.cadre}
        value={form.cadreId}
        people={holding(data.people, ['villageCadre'])}
        onChange={(cadreId) => set({ cadreId })}
        optional
      />
      <PersonSelect
        label={G.ranger}
        value={form.rangerId}
        people={holding(data.people, ['publicWelfareRanger', 'ecologicalRanger', 'villageCadre'])}
        onChange={(rangerId) => set({ rangerId })}
      />
      <IssueList issues={issues} />
    </FormDialog>
  );
}

/** 河流与山头: rivers with their segments and chiefs, forest plots with their grid. */
export function GridTab({ data }: { data: PatrolData }) {
  const [river, setRiver] = useState<River | null | undefined>(undefined);
  const [plot, setPlot] = useState<ForestPlot | null | undefined>(undefined);
  const mayEdit = useCan('patrols');
  const name = (id: string | undefined) => (id ? (data.names.get(id) ?? '') : '');
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {mayEdit ? <Alert severity="info">{G.chiefsHint}</Alert> : null}
      <SectionCard
        title={G.rivers}
        actions={
          mayEdit ? (
            <Button startIcon={<AddIcon />} variant="outlined" onClick={() => setRiver(null)}>
              {G.addRiver}
            </Button>
          ) : undefined
        }
      >
        {data.rivers.length === 0 ? (
          <Typography color="text.secondary">{G.noRivers}</Typography>
        ) : null}
        <Table size="small" aria-label={G.rivers}>
          <TableBody>
            {data.rivers.map((r) => (
              <TableRow key={r.id}>
                <TableCell sx={{ fontWeight: 500, whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {r.name}
                </TableCell>
                <TableCell>
                  {/* A segment a line: its name, its chief, its village. */}
                  {r.segments.map((s) => (
                    <div key={s.id}>
                      {`${s.name}（${G.levels[s.level]}河长 ${name(s.chiefId)}${s.villageId ? ` · ${name(s.villageId)}` : ''}）`}
                    </div>
                  ))}
                </TableCell>
                {mayEdit ? (
                  <TableCell align="right">
                    <Button size="small" onClick={() => setRiver(r)}>
                      {G.editRiver}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SectionCard>
      <SectionCard
        title={G.plots}
        actions={
          mayEdit ? (
            <Button startIcon={<AddIcon />} variant="outlined" onClick={() => setPlot(null)}>
              {G.addPlot}
            </Button>
          ) : undefined
        }
      >
        {data.plots.length === 0 ? (
          <Typography color="text.secondary">{G.noPlots}</Typography>
        ) : null}
        <Table size="small" aria-label={G.plots}>
          {data.plots.length > 0 ? (
            <TableHead>
              <TableRow>
                <TableCell>{G.plotName}</TableCell>
                <TableCell>{G.village}</TableCell>
                <TableCell>{G.group}</TableCell>
                <TableCell>{G.cadre}</TableCell>
                <TableCell>{G.ranger}</TableCell>
                {mayEdit ? <TableCell /> : null}
              </TableRow>
            </TableHead>
          ) : null}
          <TableBody>
            {data.plots.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{name(p.villageId)}</TableCell>
                <TableCell>{p.group}</TableCell>
                <TableCell>{name(p.cadreId)}</TableCell>
                <TableCell>{name(p.rangerId)}</TableCell>
                {mayEdit ? (
                  <TableCell align="right">
                    <Button size="small" onClick={() => setPlot(p)}>
                      {G.editRiver}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SectionCard>
      {river !== undefined ? (
        <RiverDialog data={data} river={river} onClose={() => setRiver(undefined)} />
      ) : null}
      {plot !== undefined ? (
        <PlotDialog data={data} plot={plot} onClose={() => setPlot(undefined)} />
      ) : null}
    </Box>
  );
}
