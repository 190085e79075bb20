import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../db/hooks';
import { ImportPanel } from '../handoff/ImportPanel';
import { COUNTY } from './strings';

const B = COUNTY.backups;

/**
 * 备份与恢复 of the county desk: its backups (registrations, received packages and records,
 * feedback lists, its history and accounts), taken daily and on demand, each restorable after a
 * preview, or copied to another PC.
 */
export function CountyBackupsPage() {
  const may = useCan('handoff');
  return (
    <>
      <PageHeader title={B.title} subtitle={B.subtitle} />
      {may ? <ImportPanel words={{ title: B.panel, help: B.help, choose: B.choose }} /> : null}
    </>
  );
}
