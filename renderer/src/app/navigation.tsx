import AssessmentIcon from '@mui/icons-material/AssessmentOutlined';
import BackupIcon from '@mui/icons-material/BackupOutlined';
import DashboardIcon from '@mui/icons-material/DashboardOutlined';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import ForestIcon from '@mui/icons-material/ForestOutlined';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import UsbIcon from '@mui/icons-material/UsbOutlined';
import EventNoteIcon from '@mui/icons-material/EventNoteOutlined';
import type { ReactElement } from 'react';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactElement;
}

/** The side navigation, in the order the office works. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '总览', icon: <DashboardIcon /> },
  { path: '/assessment', label: '考核评比', icon: <AssessmentIcon /> },
  { path: '/ledger', label: '问题整改', icon: <PlaylistAddCheckIcon /> },
  { path: '/patrols', label: '巡河巡林', icon: <ForestIcon /> },
  { path: '/records', label: '工作记录', icon: <EventNoteIcon /> },
  { path: '/reports', label: '简报报表', icon: <DescriptionIcon /> },
  { path: '/handoff', label: '数据交换', icon: <UsbIcon /> },
  { path: '/settings', label: '设置', icon: <SettingsIcon /> },
];

/** The county desk's navigation (县级工作台). */
export const COUNTY_NAV_ITEMS: NavItem[] = [
  { path: '/', label: '全县总览', icon: <DashboardIcon /> },
  { path: '/receive', label: '接收数据', icon: <UsbIcon /> },
  { path: '/feedback', label: '督查反馈', icon: <PlaylistAddCheckIcon /> },
  { path: '/backups', label: '备份与恢复', icon: <BackupIcon /> },
  { path: '/settings', label: '设置', icon: <SettingsIcon /> },
];
