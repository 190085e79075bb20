import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * Every page but the sign-in is loaded the first time its route is shown, so that a start loads
 * the shell and the landing page only: the ledger's data grid, the print pages, the Office
 * writers, the county's screens and the settings each come in their own chunk (local files, a
 * few milliseconds to fetch). The shell's Suspense boundary keeps the page before on screen
 * meanwhile, since the router changes routes in a transition.
 */
export function page<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
) {
  let ready: ComponentType | undefined;
  const preload = async () => (ready = (await load())[name]);
  const Lazy = lazy(async () => ({ default: await preload() }));
  // A page whose code is already here is drawn at once: through `lazy` it would suspend for a
  // moment even so, and React shows what a boundary suspended for no sooner than 300 ms after its
  // fallback appeared (React 19's fallback throttle), which a start to the dashboard waited out.
  // Chosen once per mount, so that a page never changes type (and loses its state) under the user.
  function Page(props: object) {
    const [loaded] = useState(() => ready);
    return createElement(loaded ?? Lazy, props);
  }
  return Object.assign(Page, { preload });
}

const printPages = () => import('../features/print/PrintPages');

/**
 * A town's start opens on the dashboard: its code is asked for as the app starts, beside the
 * database's opening, not once the shell has drawn (a round trip and a compile later).
 */
export function preloadLanding(route: string): void {
  if (route === '' || route === '/' || route.startsWith('/?')) void DashboardPage.preload();
}

export const DashboardPage = page(
  () => import('../features/dashboard/DashboardPage'),
  'DashboardPage',
);
export const AssessmentPage = page(
  () => import('../features/assessment/AssessmentPage'),
  'AssessmentPage',
);
export const VillagePage = page(() => import('../features/villages/VillagePage'), 'VillagePage');
export const LedgerPage = page(() => import('../features/ledger/LedgerPage'), 'LedgerPage');
export const ProblemPage = page(() => import('../features/ledger/ProblemPage'), 'ProblemPage');
export const PatrolsPage = page(() => import('../features/patrols/PatrolsPage'), 'PatrolsPage');
export const RecordsPage = page(() => import('../features/records/RecordsPage'), 'RecordsPage');
export const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
export const HandoffPage = page(() => import('../features/handoff/HandoffPage'), 'HandoffPage');
export const RestorePage = page(() => import('../features/handoff/RestorePage'), 'RestorePage');
export const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
export const SetupWizard = page(() => import('../features/setup/SetupWizard'), 'SetupWizard');
export const DemoPage = page(() => import('../features/demo/DemoPage'), 'DemoPage');

export const CountyOverviewPage = page(
  () => import('../features/county/CountyOverviewPage'),
  'CountyOverviewPage',
);
export const ReceivePage = page(() => import('../features/county/ReceivePage'), 'ReceivePage');
export const TownDrillPage = page(
  () => import('../features/county/TownDrillPage'),
  'TownDrillPage',
);
export const FeedbackPage = page(() => import('../features/county/FeedbackPage'), 'FeedbackPage');
export const FeedbackListPage = page(
  () => import('../features/county/FeedbackListPage'),
  'FeedbackListPage',
);
export const CountyBackupsPage = page(
  () => import('../features/county/CountyBackupsPage'),
  'CountyBackupsPage',
);

export const BriefingDraftPrintPage = page(printPages, 'BriefingDraftPrintPage');
export const IssuedBriefingPrintPage = page(printPages, 'IssuedBriefingPrintPage');
export const NoticePrintPage = page(printPages, 'NoticePrintPage');
export const LedgerPrintPage = page(printPages, 'LedgerPrintPage');
export const VillageCardPrintPage = page(printPages, 'VillageCardPrintPage');
export const ExposurePrintPage = page(printPages, 'ExposurePrintPage');
export const SummaryPrintPage = page(
  () => import('../features/summary/SummaryPrintPage'),
  'SummaryPrintPage',
);
export const CountyBriefingPrintPage = page(
  () => import('../features/county/CountyBriefingPrintPage'),
  'CountyBriefingPrintPage',
);
