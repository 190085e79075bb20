import { useEffect, useState } from 'react';
import { platform } from '../platform';

/** This installation's signing fingerprint (what a receiver compares), once the platform says. */
export function useOwnFingerprint(): string {
  const [fingerprint, setFingerprint] = useState('');
  useEffect(() => {
    let live = true;
    void platform.getIdentity().then((id) => live && setFingerprint(id.fingerprint));
    return () => {
      live = false;
    };
  }, []);
  return fingerprint;
}
