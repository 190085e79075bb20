import { Alert, AlertTitle, Box } from '@mui/material';
import type { ValidationIssue } from '@shared/domain/validation';

/** Shows every problem with the input at once, each as its own sentence. */
export function IssueList({ issues, title }: { issues: ValidationIssue[]; title?: string }) {
  if (issues.length === 0) return null;
  const shown = issues.slice(0, 20);
  return (
    <Alert severity="error" role="alert" data-testid="issue-list">
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {shown.map((issue, index) => (
          <li key={`${issue.field}-${issue.row ?? ''}-${index}`}>{issue.message}</li>
        ))}
      </Box>
      {issues.length > shown.length ? (
        <Box sx={{ mt: 0.5 }}>……另有 {issues.length - shown.length} 处问题未列出。</Box>
      ) : null}
    </Alert>
  );
}
