import { Alert, Box, Tab, Tabs } from '@mui/material';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AboutTab } from './AboutTab';
import { AuditTab } from './AuditTab';
import { AccountsTab } from './AccountsTab';
import { RIGHT_LABELS, type Right } from '@shared/domain/accounts';
import { useInstallationKind, useRights, useSession } from '../../db/hooks';
import { DocumentsTab } from './DocumentsTab';
import { GroupTab } from './GroupTab';
import { PeopleTab } from './PeopleTab';
import { RulesTab } from './RulesTab';
import { RecheckRulesTab } from './RecheckRulesTab';
import { StandardTab } from './StandardTab';
import { SETTINGS } from './strings';
import { TownTab } from './TownTab';
import { VillagesTab } from './VillagesTab';

const TABS = {
  town: TownTab,
  villages: VillagesTab,
  people: PeopleTab,
  group: GroupTab,
  documents: DocumentsTab,
  standard: StandardTab,
  rules: RulesTab,
  recheck: RecheckRulesTab,
  accounts: AccountsTab,
  audit: AuditTab,
  about: AboutTab,
} as const;
type TabKey = keyof typeof TABS;

/** Tabs only an account with the right sees: the accounts (管理员), the whole history (纪委). */
const TAB_RIGHTS: Partial<Record<TabKey, Right>> = { accounts: 'accounts', audit: 'history' };
const COUNTY_TABS: readonly TabKey[] = ['accounts', 'audit', 'about'];
/** Tabs every account reads and only one with the right edits: they say so when it is read only. */
const EDIT_RIGHTS: Partial<Record<TabKey, Right>> = {
  town: 'setup',
  villages: 'setup',
  people: 'setup',
  group: 'setup',
  documents: 'setup',
  standard: 'setup',
  rules: 'setup',
  recheck: 'setup',
};

export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const can = useRights();
  const session = useSession();
  const kind = useInstallationKind();
  // The county desk has no town of its own: its accounts, its history, the version.
  const allowed = (k: TabKey) =>
    (!TAB_RIGHTS[k] || can(TAB_RIGHTS[k])) && (kind !== 'county' || COUNTY_TABS.includes(k));
  if (kind === undefined) return null;
  if (!tab || !(tab in TABS) || !allowed(tab as TabKey)) {
    const first = (Object.keys(TABS) as TabKey[]).find(allowed) ?? 'about';
    return <Navigate to={`/settings/${first}`} replace />;
  }
  const key = tab as TabKey;
  const Content = TABS[key];
  const needed = EDIT_RIGHTS[key];
  return (
    <>
      <PageHeader
        title={SETTINGS.title}
        subtitle={kind === 'county' ? SETTINGS.countySubtitle : SETTINGS.subtitle}
      />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs
          value={key}
          onChange={(_e, value: TabKey) => void navigate(`/settings/${value}`)}
          variant="scrollable"
        >
          {(Object.keys(TABS) as TabKey[]).filter(allowed).map((k) => (
            <Tab key={k} value={k} label={SETTINGS.tabs[k]} />
          ))}
        </Tabs>
      </Box>
      {needed && !can(needed) ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only">
          {SETTINGS.readOnly(session?.name ?? '', RIGHT_LABELS[needed])}
        </Alert>
      ) : null}
      <Content />
    </>
  );
}
