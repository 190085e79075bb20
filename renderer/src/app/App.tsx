import { HashRouter } from 'react-router';
import { AppTheme } from '../theme/AppTheme';
import { ErrorBoundary } from './ErrorBoundary';
import { NotifyProvider } from './notify';
import { AppRoutes } from './routes';

export function App() {
  return (
    <AppTheme>
      <ErrorBoundary>
        <NotifyProvider>
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </NotifyProvider>
      </ErrorBoundary>
    </AppTheme>
  );
}
