import { Alert, Button, Snackbar } from '@mui/material';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { InputError } from '../db/errors';

interface Notice {
  key: number;
  message: string;
  severity: 'success' | 'error' | 'info' | 'warning';
  action?: { label: string; run: () => void } | undefined;
}

interface Notify {
  success(message: string, action?: Notice['action']): void;
  error(error: unknown, fallback?: string): void;
  info(message: string): void;
}

const NotifyContext = createContext<Notify | null>(null);

/** Words the user can act on: a rule's own message, or a general sentence (detail to the log). */
export function describeError(
  error: unknown,
  fallback = '操作没有完成，已保存的数据没有改变。',
): string {
  if (error instanceof InputError) return error.message;
  console.error('[eco-desk]', error);
  return fallback;
}

export function NotifyProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const show = useCallback(
    (message: string, severity: Notice['severity'], action?: Notice['action']) =>
      setNotice({ key: Date.now(), message, severity, action }),
    [],
  );
  const notify = useMemo<Notify>(
    () => ({
      success: (message, action) => show(message, 'success', action),
      error: (error, fallback) => show(describeError(error, fallback), 'error'),
      info: (message) => show(message, 'info'),
    }),
    [show],
  );

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => notify.error(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [notify]);

  const close = () => setNotice(null);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={notice?.severity === 'error' ? 8000 : 4000}
        onClose={(_event, reason) => reason !== 'clickaway' && close()}
        // Bottom left, over the side menu's empty foot: never over a dialog's 保存 or a page's
        // own buttons, which sit at the right.
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={close}
            action={
              notice.action ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    notice.action?.run();
                    close();
                  }}
                >
                  {notice.action.label}
                </Button>
              ) : undefined
            }
          >
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error('useNotify outside NotifyProvider');
  return notify;
}
