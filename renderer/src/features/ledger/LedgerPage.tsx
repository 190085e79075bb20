import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, MenuItem, Paper, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import { useNavigate } from 'react-router';
import type { RowSelectionState } from '@tanstack/react-table';
import { useNotify } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PromptDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { actions } from '../../db/actions';
import { useCan } from '../../db/hooks';
import { CountyImportDialog } from './CountyImportDialog';
import { CountyRekeyDialog } from './CountyRekeyDialog';
import { CountySignerDialog } from './CountySignerDialog';
import { pickCountyList, type PickedList } from './countyListFile';
import { LedgerFilters } from './LedgerFilters';
import { ledgerMemory } from './ledgerMemory';
import { LedgerTable } from './LedgerTable';
import { NewProblemDialog } from './NewProblemDialog';
import { RecurrenceView } from './RecurrenceView';
import { LEDGER } from './strings';
import { useLedger } from './useLedger';

const V = LEDGER.views;
const B = LEDGER.bulk;
const NONE: RowSelectionState = {};

/** The ticks among the listed rows: a tick the filter hides is dropped, never acted on unseen. */
function listed(selection: RowSelectionState, rows: readonly { id: string }[]): RowSelectionState {
  const kept: RowSelectionState = {};
  for (const row of rows) if (selection[row.id]) kept[row.id] = true;
  return kept;
}

type BulkAction = 'supervise' | 'unsupervise' | 'start';

/**
 * The ledger: a filtered list (saved views, bulk actions on the selection, Enter opens an
 * item), the village × category recurrence view, and the import of county feedback lists.
 */
export function LedgerPage() {
  const ledger = useLedger();
  const navigate = useNavigate();
  const notify = useNotify();
  const mayEdit = useCan('ledger');
  const maySupervise = useCan('supervise');
  const [tab, setTab] = useState<'list' | 'recurrence'>('list');
  const [adding, setAdding] = useState(false);
  const [registering, setRegistering] = useState<Extract<
    PickedList,
    { status: 'unregistered' }
  > | null>(null);
  const [rekeying, setRekeying] = useState<Extract<PickedList, { status: 'otherKey' }> | null>(
    null,
  );
  const [importing, setImporting] = useState<Extract<PickedList, { status: 'opened' }> | null>(
    null,
  );
  const [savingView, setSavingView] = useState(false);
  const [removingView, setRemovingView] = useState(false);
  const [selection, setSelection] = useState<RowSelectionState>(ledgerMemory.selection);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const { rows, names, today } = ledger;

  // When the list changes (a filter, a new read), the ticks it no longer lists are dropped.
  const [ticksOf, setTicksOf] = useState(rows);
  if (ticksOf !== rows && !ledger.loading) {
    setTicksOf(rows);
    const kept = listed(selection, rows);
    if (Object.keys(kept).length !== Object.keys(selection).length) setSelection(kept);
  }
  useEffect(() => {
    ledgerMemory.selection = selection;
  }, [selection]);
  const selectedIds = useMemo<string[]>(
    () => rows.filter((r) => selection[r.id]).map((r) => r.id),
    [selection, rows],
  );

  async function openImport() {
    const picked = await pickCountyList();
    if (!picked) return;
    if (picked.status === 'failed') notify.error(new Error(picked.message), picked.message);
    else if (picked.status === 'unregistered') setRegistering(picked);
    else if (picked.status === 'otherKey') setRekeying(picked);
    else setImporting(picked);
  }

  async function runBulk(action: BulkAction) {
    try {
      const changed =
        action === 'start'
          ? await actions.bulkStart(selectedIds)
          : await actions.bulkSetSupervised(selectedIds, action === 'supervise');
      notify.success(B.done(action, changed, selectedIds.length - changed));
      setSelection(NONE);
    } catch (error) {
      notify.error(error);
    }
  }

  return (
    <>
      <PageHeader
        title={LEDGER.title}
        subtitle={LEDGER.subtitle}
        actions={
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button
              startIcon={<PrintIcon />}
              onClick={() =>
                void navigate(
                  `/print/ledger?f=${encodeURIComponent(JSON.stringify(ledger.filter))}`,
                )
              }
            >
              {LEDGER.print}
            </Button>
            {mayEdit ? (
              <>
                <Button startIcon={<UploadFileIcon />} onClick={() => void openImport()}>
                  {LEDGER.importList}
                </Button>
                <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
                  {LEDGER.add}
                </Button>
              </>
            ) : null}
          </Box>
        }
      />
      <Box
        sx={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 2,
          mb: 2,
          flexWrap: 'wrap',
        }}
      >
        <Tabs value={tab} onChange={(_e, v: typeof tab) => setTab(v)}>
          <Tab value="list" label={LEDGER.tabs.list} />
          <Tab value="recurrence" label={LEDGER.tabs.recurrence} />
        </Tabs>
        {tab === 'list' ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <TextField
              select
              size="small"
              label={V.label}
              value={ledger.viewName}
              onChange={(e) => ledger.applyView(e.target.value)}
              sx={{ width: 200 }}
            >
              <MenuItem value="">{V.none}</MenuItem>
              {ledger.views.map((v) => (
                <MenuItem key={v.name} value={v.name}>
                  {v.name}
                </MenuItem>
              ))}
            </TextField>
            <Button onClick={() => setSavingView(true)}>{V.save}</Button>
            {ledger.viewName ? (
              <Button color="error" onClick={() => setRemovingView(true)}>
                {V.remove}
              </Button>
            ) : null}
          </Box>
        ) : null}
      </Box>
      {tab === 'recurrence' ? (
        <RecurrenceView
          tally={ledger.tally ?? []}
          villages={ledger.villages}
          onOpen={(villageId, category) => {
            ledger.clear();
            ledger.change({ villageId, category, status: '' });
            setTab('list');
          }}
        />
      ) : (
        <>
          <LedgerFilters
            filter={ledger.filter}
            villages={ledger.villages}
            categories={ledger.categories}
            onChange={ledger.change}
            onClear={ledger.clear}
          />
          <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', my: 1.5, minHeight: 36 }}>
            <Typography data-testid="ledger-count" color="text.secondary">
              {ledger.loading ? '' : LEDGER.filters.count(rows.length)}
            </Typography>
            {selectedIds.length > 0 ? (
              <>
                <Typography sx={{ fontWeight: 500 }}>{B.selected(selectedIds.length)}</Typography>
                {maySupervise ? (
                  <>
                    <Button size="small" variant="outlined" onClick={() => setBulk('supervise')}>
                      {B.supervise}
                    </Button>
                    <Button size="small" variant="outlined" onClick={() => setBulk('unsupervise')}>
                      {B.unsupervise}
                    </Button>
                  </>
                ) : null}
                {mayEdit ? (
                  <Button size="small" variant="outlined" onClick={() => setBulk('start')}>
                    {B.start}
                  </Button>
                ) : null}
              </>
            ) : null}
          </Box>
          <Paper sx={{ height: 'calc(100vh - 405px)', minHeight: 340, overflow: 'hidden' }}>
            <LedgerTable
              rows={rows}
              names={names}
              today={today}
              loading={ledger.loading}
              selectable={mayEdit || maySupervise}
              selection={selection}
              onSelectionChange={setSelection}
              emptyLabel={ledger.hasItems ? LEDGER.noMatch : LEDGER.empty}
              onOpen={(problem) => void navigate(`/ledger/${problem.id}`)}
            />
          </Paper>
        </>
      )}
      {adding ? (
        <NewProblemDialog
          today={today}
          onClose={() => setAdding(false)}
          onCreated={(id) => void navigate(`/ledger/${id}`)}
        />
      ) : null}
      {registering ? (
        <CountySignerDialog
          signer={registering.signer}
          onClose={() => setRegistering(null)}
          onRegistered={() => {
            setImporting({ ...registering, status: 'opened' });
            setRegistering(null);
          }}
        />
      ) : null}
      {rekeying ? (
        <CountyRekeyDialog
          fileName={rekeying.name}
          signer={rekeying.signer}
          registered={rekeying.registered}
          onClose={() => setRekeying(null)}
          onRekeyed={() => {
            const { name, rows, signer } = rekeying;
            setImporting({ status: 'opened', name, rows, signer });
            setRekeying(null);
          }}
        />
      ) : null}
      {importing ? (
        <CountyImportDialog
          fileName={importing.name}
          rows={importing.rows}
          signer={importing.signer}
          onClose={() => setImporting(null)}
        />
      ) : null}
      {savingView ? (
        <PromptDialog
          title={V.saveTitle}
          label={V.name}
          submitLabel={V.save}
          onSubmit={async (name) => {
            await actions.saveLedgerView(name, ledger.filter);
            ledger.setViewName(name.trim());
            notify.success(V.saved(name.trim()));
          }}
          onClose={() => setSavingView(false)}
        />
      ) : null}
      <ConfirmDialog
        open={removingView}
        title={V.removeTitle}
        message={V.removeMessage(ledger.viewName)}
        confirmLabel={V.remove}
        danger
        onConfirm={() => {
          const name = ledger.viewName;
          void actions.deleteLedgerView(name).then(
            () => {
              ledger.applyView('');
              notify.success(V.removed(name));
            },
            (error: unknown) => notify.error(error),
          );
          setRemovingView(false);
        }}
        onClose={() => setRemovingView(false)}
      />
      <ConfirmDialog
        open={bulk !== null}
        title={bulk ? B[bulk] : ''}
        message={
          bulk === 'supervise'
            ? B.confirmSupervise(selectedIds.length)
            : bulk === 'unsupervise'
              ? B.confirmUnsupervise(selectedIds.length)
              : B.confirmStart(selectedIds.length)
        }
        confirmLabel={bulk ? B[bulk] : ''}
        onConfirm={() => {
          if (bulk) void runBulk(bulk);
          setBulk(null);
        }}
        onClose={() => setBulk(null)}
      />
    </>
  );
}
