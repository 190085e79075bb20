import { HashRouter } from 'react-router';
import { AppTheme } from '../theme/AppTheme';
import { DatabaseGate } from './DatabaseGate';
import { ErrorBoundary } from './ErrorBoundary';
import { NotifyProvider } from './notify';
import { AppRoutes } from './routes';

export function App() {
  return (
    <AppTheme>
      <ErrorBoundary>
        <DatabaseGate>
          <NotifyProvider>
            <HashRouter>
              <AppRoutes />
            </HashRouter>
          </NotifyProvider>
        </DatabaseGate>
      </ErrorBoundary>
    </AppTheme>
  );
}
