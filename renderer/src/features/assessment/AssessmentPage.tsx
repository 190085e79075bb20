import { Box, Tab, Tabs } from '@mui/material';
import { Navigate, useNavigate, useParams } from 'react-router';
import { toIsoDate } from '@shared/domain/dates';
import { isMonthKey } from '@shared/domain/period';
import { PageHeader } from '../../components/PageHeader';
import { usePeriods } from '../../db/hooks';
import { ActionsTab } from './ActionsTab';
import { ResultsTab } from './ResultsTab';
import { ScoringTab } from './ScoringTab';
import { ASSESSMENT } from './strings';
import { usePeriodView } from './useAssessment';
import { DateField } from '../../components/DateField';

const TABS = ['scoring', 'results', 'actions'] as const;
type TabKey = (typeof TABS)[number];

function MonthPage({ month, tab }: { month: string; tab: TabKey }) {
  const navigate = useNavigate();
  const view = usePeriodView(month);
  const go = (nextMonth: string, nextTab: TabKey) =>
    void navigate(`/assessment/${nextMonth}/${nextTab}`);
  return (
    <>
      <PageHeader
        title={ASSESSMENT.title}
        subtitle={ASSESSMENT.subtitle}
        actions={
          <DateField
            kind="month"
            label={ASSESSMENT.month}
            value={month}
            onChange={(value) => isMonthKey(value) && go(value, tab)}
            sx={{ width: 180 }}
          />
        }
      />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, value: TabKey) => go(month, value)}>
          {TABS.map((key) => (
            <Tab key={key} value={key} label={ASSESSMENT.tabs[key]} />
          ))}
        </Tabs>
      </Box>
      {tab === 'scoring' && view ? (
        <ScoringTab month={month} view={view} onClosed={() => go(month, 'results')} />
      ) : null}
      {tab === 'results' ? <ResultsTab month={month} /> : null}
      {tab === 'actions' ? <ActionsTab /> : null}
    </>
  );
}

/** /assessment[/:month[/:tab]]: without a month, the latest open period or this month. */
export function AssessmentPage() {
  const { month, tab } = useParams();
  const periods = usePeriods();
  if (!month || !isMonthKey(month)) {
    if (!periods) return null;
    const open = periods.find((p) => p.status === 'open');
    return (
      <Navigate
        to={`/assessment/${open?.id ?? toIsoDate(new Date()).slice(0, 7)}/scoring`}
        replace
      />
    );
  }
  const key = TABS.includes(tab as TabKey) ? (tab as TabKey) : 'scoring';
  return <MonthPage month={month} tab={key} />;
}
