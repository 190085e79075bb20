import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import './fonts/fonts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadLanding } from './app/pages';
import { takePrintGrant } from './db/session';

const route = window.location.hash.replace(/^#/, '');
// A hidden print window of the desktop app opens signed in as the window that asked for it.
takePrintGrant(route);
preloadLanding(route);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
