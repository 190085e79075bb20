import { Box, CircularProgress } from '@mui/material';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { useInstallationKind, useSetupComplete } from '../db/hooks';
import { Suspense, type ReactNode } from 'react';
import { AccountGate } from '../features/accounts/AccountGate';
import { PageLoading } from './PageLoading';
import {
  AssessmentPage,
  BriefingDraftPrintPage,
  CountyBackupsPage,
  CountyBriefingPrintPage,
  CountyOverviewPage,
  DashboardPage,
  DemoPage,
  ExposurePrintPage,
  FeedbackListPage,
  FeedbackPage,
  HandoffPage,
  IssuedBriefingPrintPage,
  LedgerPage,
  LedgerPrintPage,
  NoticePrintPage,
  PatrolsPage,
  ProblemPage,
  ReceivePage,
  RecordsPage,
  ReportsPage,
  RestorePage,
  SettingsPage,
  SetupWizard,
  SummaryPrintPage,
  TownDrillPage,
  VillageCardPrintPage,
  VillagePage,
} from './pages';
import { Shell } from './Shell';

function Loading() {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <CircularProgress aria-label="正在加载" />
    </Box>
  );
}

/** Until the town is set up, every page leads to the first-run wizard. */
function RequireSetup() {
  const complete = useSetupComplete();
  if (complete === undefined) return <Loading />;
  return complete ? (
    <AccountGate>
      <Outlet />
    </AccountGate>
  ) : (
    <Navigate to="/setup" replace />
  );
}

/** The demo and restore pages: open on an empty profile, behind sign-in once there are accounts. */
function SignedInIfAccounts() {
  return (
    <AccountGate openWithoutAccounts>
      <Outlet />
    </AccountGate>
  );
}

function SetupOnlyOnce() {
  const complete = useSetupComplete();
  if (complete === undefined) return <Loading />;
  return complete ? <Navigate to="/" replace /> : <SetupWizard />;
}

/** A town's screens or the county's: one install serves either (县级工作台). */
function ByKind({ town, county }: { town: ReactNode; county: ReactNode }) {
  const kind = useInstallationKind();
  if (kind === undefined) return <Loading />;
  return kind === 'county' ? county : town;
}

export function AppRoutes() {
  // The pages outside the shell (print, setup, demo, restore) wait for their code here; the
  // shell's pages inside it (Shell.tsx).
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/setup" element={<SetupOnlyOnce />} />
        <Route element={<SignedInIfAccounts />}>
          <Route path="/demo" element={<DemoPage />} />
          <Route path="/restore" element={<RestorePage />} />
        </Route>
        <Route element={<RequireSetup />}>
          <Route path="print">
            <Route path="briefing/issued/:id" element={<IssuedBriefingPrintPage />} />
            <Route path="briefing/:month" element={<BriefingDraftPrintPage />} />
            <Route path="notice/:period" element={<NoticePrintPage />} />
            <Route path="ledger" element={<LedgerPrintPage />} />
            <Route path="village/:id/:month" element={<VillageCardPrintPage />} />
            <Route path="exposure" element={<ExposurePrintPage />} />
            <Route path="summary/:year" element={<SummaryPrintPage />} />
            <Route path="county/:month" element={<CountyBriefingPrintPage />} />
          </Route>
          <Route element={<Shell />}>
            <Route
              index
              element={<ByKind town={<DashboardPage />} county={<CountyOverviewPage />} />}
            />
            <Route element={<ByKind town={<Outlet />} county={<Navigate to="/" replace />} />}>
              <Route path="assessment" element={<AssessmentPage />} />
              <Route path="assessment/:month" element={<AssessmentPage />} />
              <Route path="assessment/:month/:tab" element={<AssessmentPage />} />
              <Route path="villages/:id" element={<VillagePage />} />
              <Route path="ledger" element={<LedgerPage />} />
              <Route path="ledger/:id" element={<ProblemPage />} />
              <Route path="patrols" element={<PatrolsPage />} />
              <Route path="records" element={<RecordsPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="handoff" element={<HandoffPage />} />
            </Route>
            <Route element={<ByKind town={<Navigate to="/" replace />} county={<Outlet />} />}>
              <Route path="receive" element={<ReceivePage />} />
              <Route path="towns/:id" element={<TownDrillPage />} />
              <Route path="feedback" element={<FeedbackPage />} />
              <Route path="feedback/:id" element={<FeedbackListPage />} />
              <Route path="backups" element={<CountyBackupsPage />} />
            </Route>
            <Route
              path="settings"
              element={
                <ByKind
                  town={<Navigate to="/settings/town" replace />}
                  county={<Navigate to="/settings/accounts" replace />}
                />
              }
            />
            <Route path="settings/:tab" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
