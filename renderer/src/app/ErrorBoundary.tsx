import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** The last line of defence: a Chinese sentence for the user, the detail in the log. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('[eco-desk] render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Box sx={{ p: 4, maxWidth: 640 }}>
        <Alert severity="error">
          <AlertTitle>页面出错了</AlertTitle>
          已保存的数据不受影响。请点击“重新加载”；如果问题反复出现，请记下当时的操作并联系技术支持。
          <Box sx={{ mt: 1, fontSize: 12, color: 'text.secondary' }}>
            {this.state.error.message}
          </Box>
        </Alert>
        <Button sx={{ mt: 2 }} variant="contained" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      </Box>
    );
  }
}
