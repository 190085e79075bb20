import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/ipc/api';
import { actions } from '../../db/actions';
import { platform } from '../../platform';

export function useAppInfo() {
  const [info, setInfo] = useState<(AppInfo & { kind: string; persisted: boolean }) | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([platform.getAppInfo(), actions.isStoragePersisted()]).then(
      ([appInfo, persisted]) => {
        if (live) setInfo({ ...appInfo, kind: platform.kind, persisted });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
