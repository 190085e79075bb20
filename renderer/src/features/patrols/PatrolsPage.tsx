import { Box, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { toIsoDate } from '@shared/domain/dates';
import { previousMonth } from '@shared/domain/period';
import { PageHeader } from '../../components/PageHeader';
import { ExposureTab } from './ExposureTab';
import { GridTab } from './GridTab';
import { ForestTab, RiverTab } from './PatrolTabs';
import { RulesTab } from './RulesTab';
import { PATROLS } from './strings';
import { usePatrols } from './usePatrols';
import { periodOptions, SelectField } from '../../components/SelectField';

type TabKey = keyof typeof PATROLS.tabs;

/** The last 24 months, this one first. */
function recentMonths(): string[] {
  const months = [toIsoDate(new Date()).slice(0, 7)];
  while (months.length < 24) months.push(previousMonth(months.at(-1)!));
  return months;
}

/** 巡河巡林: river and forest patrols, compliance, the grid, the 曝光台 and the rules. */
export function PatrolsPage() {
  const [tab, setTab] = useState<TabKey>('river');
  const [months] = useState(recentMonths);
  const [month, setMonth] = useState(months[0]!);
  const data = usePatrols(month);
  return (
    <>
      <PageHeader
        title={PATROLS.title}
        subtitle={PATROLS.subtitle}
        actions={
          <SelectField
            label={PATROLS.month}
            value={month}
            onChange={setMonth}
            options={periodOptions(months)}
            sx={{ width: 160 }}
          />
        }
      />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, value: TabKey) => setTab(value)}>
          {(Object.keys(PATROLS.tabs) as TabKey[]).map((key) => (
            <Tab key={key} value={key} label={PATROLS.tabs[key]} />
          ))}
        </Tabs>
      </Box>
      {!data ? null : tab === 'river' ? (
        <RiverTab data={data} month={month} />
      ) : tab === 'forest' ? (
        <ForestTab data={data} month={month} />
      ) : tab === 'grid' ? (
        <GridTab data={data} />
      ) : tab === 'exposure' ? (
        <ExposureTab data={data} />
      ) : (
        <RulesTab rules={data.rules} />
      )}
    </>
  );
}
