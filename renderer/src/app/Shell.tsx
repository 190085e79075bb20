import {
  AppBar,
  Box,
  Chip,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Suspense, useEffect } from 'react';
import { actions } from '../db/actions';
import {
  useCan,
  useChainBreak,
  useCountyName,
  useInstallationKind,
  useIsDemo,
  useTown,
} from '../db/hooks';
import { AccountMenu } from '../features/accounts/AccountMenu';
import { ChainBreakBanner } from '../features/settings/HistoryCheck';
import { useDailyBackup } from '../features/handoff/useBackups';
import { layout } from '../theme/tokens';
import { COUNTY_NAV_ITEMS, NAV_ITEMS } from './navigation';
import { PageLoading } from './PageLoading';

function isActive(itemPath: string, pathname: string): boolean {
  return itemPath === '/' ? pathname === '/' : pathname.startsWith(itemPath);
}

/** Side menu + top bar + main area. */
export function Shell() {
  const { pathname } = useLocation();
  const town = useTown();
  const mayExchange = useCan('handoff');
  const kind = useInstallationKind();
  const county = useCountyName();
  const items = kind === 'county' ? COUNTY_NAV_ITEMS : NAV_ITEMS;
  const demo = useIsDemo();
  // A town's data, or the county desk's own (its registrations, packages and lists), daily.
  useDailyBackup(kind !== undefined);
  const chainBreak = useChainBreak();
  // The history is checked each time the app opens, from where it was checked last.
  useEffect(() => {
    void actions.checkHistory(false).catch(() => undefined);
  }, []);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar sx={{ gap: 2, minHeight: `${layout.appBarHeight}px !important` }}>
          <Typography variant="h6" component="div" sx={{ color: 'primary.dark', fontWeight: 500 }}>
            乡镇生态环境工作台
          </Typography>
          {kind === 'county' ? (
            <Typography color="text.secondary" data-testid="town-title">
              {county} · 县级工作台
            </Typography>
          ) : town ? (
            <Typography color="text.secondary" data-testid="town-title">
              {town.county} · {town.name}
            </Typography>
          ) : null}
          {demo ? (
            <Chip label="示例数据" color="warning" size="small" data-testid="demo-label" />
          ) : null}
          <Box sx={{ flexGrow: 1 }} />
          <AccountMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: layout.drawerWidth,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: layout.drawerWidth, boxSizing: 'border-box' },
        }}
      >
        <Toolbar sx={{ minHeight: `${layout.appBarHeight}px !important` }} />
        <Box component="nav" aria-label="主导航">
          <List>
            {items
              .filter((item) => item.path !== '/handoff' || mayExchange)
              .map((item) => (
                <ListItemButton
                  key={item.path}
                  component={NavLink}
                  to={item.path}
                  selected={isActive(item.path, pathname)}
                  sx={{ mx: 1, borderRadius: 1 }}
                >
                  <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar sx={{ minHeight: `${layout.appBarHeight}px !important` }} />
        <ChainBreakBanner found={chainBreak} />
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Box>
    </Box>
  );
}
