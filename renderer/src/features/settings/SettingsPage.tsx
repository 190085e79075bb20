import { Box, Tab, Tabs } from '@mui/material';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AboutTab } from './AboutTab';
import { AuditTab } from './AuditTab';
import { DocumentsTab } from './DocumentsTab';
import { GroupTab } from './GroupTab';
import { PeopleTab } from './PeopleTab';
import { RulesTab } from './RulesTab';
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
  audit: AuditTab,
  about: AboutTab,
} as const;
type TabKey = keyof typeof TABS;

export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!tab || !(tab in TABS)) return <Navigate to="/settings/town" replace />;
  const key = tab as TabKey;
  const Content = TABS[key];
  return (
    <>
      <PageHeader title={SETTINGS.title} subtitle={SETTINGS.subtitle} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs
          value={key}
          onChange={(_e, value: TabKey) => void navigate(`/settings/${value}`)}
          variant="scrollable"
        >
          {(Object.keys(TABS) as TabKey[]).map((k) => (
            <Tab key={k} value={k} label={SETTINGS.tabs[k]} />
          ))}
        </Tabs>
      </Box>
      <Content />
    </>
  );
}
