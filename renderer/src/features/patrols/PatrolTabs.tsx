import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ForestPatrol, PatrolFinding, RiverPatrol } from '@shared/domain/patrol';
import { TEXT_LIMITS } from '@shared/domain/textLimits';
import { PromptDialog } from '../../components/FormDialog';
import type { PhotoRef } from '@shared/domain/assessment';
import { periodLabel } from '@shared/domain/period';
import { useNotify } from '../../app/notify';
import { actions } from '../../db/actions';
import { useCan } from '../../db/hooks';
import { PhotoStrip } from '../assessment/PhotoStrip';
import { pickPhoto } from '../assessment/photos';
import { ComplianceTable } from './ComplianceTable';
import { ForestPatrolDialog, RiverPatrolDialog } from './PatrolDialogs';
import { PATROLS } from './strings';
import type { PatrolData } from './usePatrols';
import { SectionCard } from '../../components/SectionCard';

/** A patrol's site photos: thumbnails, and 添加照片 (photos are evidence: never removed). */
function PatrolPhotos({
  table,
  patrol,
  readOnly,
}: {
  table: PatrolTable;
  patrol: { id: string; photos?: PhotoRef[] | undefined };
  readOnly: boolean;
}) {
  const notify = useNotify();
  const add = async () => {
    const picked = await pickPhoto();
    if (!picked) return;
    if (!picked.ok) return notify.error(new Error(picked.message), picked.message);
    try {
      await actions.addPatrolPhoto(table, patrol.id, {
        file: picked.file,
        thumbnail: picked.thumbnail,
      });
    } catch (error) {
      notify.error(error);
    }
  };
  return <PhotoStrip photos={patrol.photos ?? []} readOnly={readOnly} onAdd={() => void add()} />;
}

/** A patrol's findings, each with 转整改 (one step into the ledger) or a link to its item. */
function Findings({
  table,
  patrolId,
  findings,
  mayOpen,
}: {
  table: 'riverPatrols' | 'forestPatrols';
  patrolId: string;
  findings: readonly PatrolFinding[];
  mayOpen: boolean;
}) {
  const navigate = useNavigate();
  const notify = useNotify();
  if (findings.length === 0) return <>{PATROLS.forest.normal}</>;
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      {findings.map((f) => (
        <Box key={f.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <span>
            {f.kind}：{f.note}
          </span>
          {f.problemId ? (
            <Button size="small" onClick={() => void navigate(`/ledger/${f.problemId}`)}>
              {PATROLS.finding.view}
            </Button>
          ) : mayOpen ? (
            <Button
              size="small"
              variant="outlined"
              onClick={() =>
                void actions
                  .openFindingProblem(table, patrolId, f.id)
                  .then((p) => notify.success(PATROLS.finding.opened(p.number)))
                  .catch((e: unknown) => notify.error(e))
              }
            >
              {PATROLS.finding.open}
            </Button>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}

type PatrolTable = 'riverPatrols' | 'forestPatrols';

/** 更正 and 作废 of one patrol (a 作废 asks for its reason). */
function RowActions({ onCorrect, onVoid }: { onCorrect: () => void; onVoid: () => void }) {
  return (
    <Box sx={{ display: 'grid', justifyItems: 'end' }}>
      <Button size="small" onClick={onCorrect}>
        {PATROLS.row.correct}
      </Button>
      <Button size="small" color="error" onClick={onVoid}>
        {PATROLS.row.void}
      </Button>
    </Box>
  );
}

/** Asks why a patrol is voided, and voids it. */
function VoidPatrolDialog({
  table,
  id,
  onClose,
}: {
  table: PatrolTable;
  id: string;
  onClose: () => void;
}) {
  const notify = useNotify();
  const R = PATROLS.row;
  return (
    <PromptDialog
      title={R.voidTitle}
      message={R.voidMessage}
      label={R.voidReason}
      submitLabel={R.void}
      danger
      max={TEXT_LIMITS.reason}
      onSubmit={async (reason) => {
        await actions.voidPatrol(table, id, reason);
        notify.success(R.voided);
      }}
      onClose={onClose}
    />
  );
}

export function RiverTab({ data, month }: { data: PatrolData; month: string }) {
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<RiverPatrol | null>(null);
  const [voiding, setVoiding] = useState<string | null>(null);
  const mayEdit = useCan('patrols');
  const R = PATROLS.river;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {data.rivers.length === 0 && mayEdit ? <Alert severity="info">{R.needSetup}</Alert> : null}
      <ComplianceTable
        title={PATROLS.compliance.title(periodLabel(month))}
        rows={data.riverRows}
        unit="times"
        testId="river-compliance"
      />
      <SectionCard
        title={R.list}
        actions={
          mayEdit ? (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              disabled={data.rivers.length === 0}
              onClick={() => setAdding(true)}
            >
              {R.add}
            </Button>
          ) : undefined
        }
      >
        <Table size="small" aria-label={R.list}>
          <TableHead>
            <TableRow>
              {R.columns.map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
              {mayEdit ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.patrols.river.map((p) => (
              <TableRow key={p.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.date}</TableCell>
                <TableCell>{data.segmentName(p.riverId, p.segmentId)}</TableCell>
                <TableCell>{data.names.get(p.chiefId)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {p.startTime}–{p.endTime}
                </TableCell>
                <TableCell>
                  {p.routeFrom} → {p.routeTo}
                </TableCell>
                <TableCell>
                  <Findings
                    table="riverPatrols"
                    patrolId={p.id}
                    findings={p.findings}
                    mayOpen={mayEdit}
                  />
                </TableCell>
                <TableCell>{p.action}</TableCell>
                <TableCell>
                  <PatrolPhotos table="riverPatrols" patrol={p} readOnly={!mayEdit} />
                </TableCell>
                {mayEdit ? (
                  <TableCell>
                    <RowActions
                      onCorrect={() => setCorrecting(p)}
                      onVoid={() => setVoiding(p.id)}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {data.patrols.river.length === 0 ? (
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {R.none}
          </Typography>
        ) : null}
      </SectionCard>
      {adding ? <RiverPatrolDialog data={data} onClose={() => setAdding(false)} /> : null}
      {correcting ? (
        <RiverPatrolDialog
          data={data}
          correcting={correcting}
          onClose={() => setCorrecting(null)}
        />
      ) : null}
      {voiding ? (
        <VoidPatrolDialog table="riverPatrols" id={voiding} onClose={() => setVoiding(null)} />
      ) : null}
    </Box>
  );
}

export function ForestTab({ data, month }: { data: PatrolData; month: string }) {
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<ForestPatrol | null>(null);
  const [voiding, setVoiding] = useState<string | null>(null);
  const mayEdit = useCan('patrols');
  const F = PATROLS.forest;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Alert severity={data.fireSeason ? 'warning' : 'info'} data-testid="fire-season">
        {F.season(data.rules.fireSeason.from, data.rules.fireSeason.to)}
        {data.fireSeason ? `，${F.inSeason}` : ''}
        {data.highRisk.length > 0 ? `；${F.highRisk(data.highRisk.join('、'))}` : ''}；
        {F.quota(data.rules.rangerDaysPerMonth)}。
      </Alert>
      {data.plots.length === 0 && mayEdit ? <Alert severity="info">{F.needSetup}</Alert> : null}
      <ComplianceTable
        title={PATROLS.compliance.title(periodLabel(month))}
        rows={data.rangerRows}
        unit="days"
        testId="ranger-compliance"
      />
      <SectionCard
        title={F.list}
        actions={
          mayEdit ? (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              disabled={data.plots.length === 0}
              onClick={() => setAdding(true)}
            >
              {F.add}
            </Button>
          ) : undefined
        }
      >
        <Table size="small" aria-label={F.list}>
          <TableHead>
            <TableRow>
              {F.columns.map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
              {mayEdit ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.patrols.forest.map((p) => (
              <TableRow key={p.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.date}</TableCell>
                <TableCell>{data.plotName(p.plotId)}</TableCell>
                <TableCell>{data.names.get(p.rangerId)}</TableCell>
                <TableCell>{p.weather}</TableCell>
                <TableCell>
                  <Findings
                    table="forestPatrols"
                    patrolId={p.id}
                    findings={p.findings}
                    mayOpen={mayEdit}
                  />
                </TableCell>
                <TableCell>{p.note}</TableCell>
                <TableCell>
                  <PatrolPhotos table="forestPatrols" patrol={p} readOnly={!mayEdit} />
                </TableCell>
                {mayEdit ? (
                  <TableCell>
                    <RowActions
                      onCorrect={() => setCorrecting(p)}
                      onVoid={() => setVoiding(p.id)}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {data.patrols.forest.length === 0 ? (
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {F.none}
          </Typography>
        ) : null}
      </SectionCard>
      {adding ? <ForestPatrolDialog data={data} onClose={() => setAdding(false)} /> : null}
      {correcting ? (
        <ForestPatrolDialog
          data={data}
          correcting={correcting}
          onClose={() => setCorrecting(null)}
        />
      ) : null}
      {voiding ? (
        <VoidPatrolDialog table="forestPatrols" id={voiding} onClose={() => setVoiding(null)} />
      ) : null}
    </Box>
  );
}
