import ConstructionIcon from '@mui/icons-material/ConstructionOutlined';
import { Box, Paper, Typography } from '@mui/material';
import { PageHeader } from '../../components/PageHeader';
import { COMING_SOON, type Section } from './strings';

/** An empty section that says what will come here. */
export function ComingSoonPage({ section }: { section: Section }) {
  const text = COMING_SOON[section];
  return (
    <>
      <PageHeader title={text.title} subtitle={text.intro} />
      <Paper sx={{ p: 3, maxWidth: 760 }} data-testid="coming-soon">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
          <ConstructionIcon color="action" />
          <Typography variant="h4">此功能正在建设中，将包括：</Typography>
        </Box>
        <Box component="ul" sx={{ m: 0, pl: 3, lineHeight: 2 }}>
          {text.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </Box>
      </Paper>
    </>
  );
}
