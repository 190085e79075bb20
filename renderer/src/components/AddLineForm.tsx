import { Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { issuesOf } from './issues';
import { limitHelp } from './limitHelp';

/**
 * One text field and a button that adds a line (a measure, a progress note); Enter adds too.
 * What cannot be added (empty, too long) is said under the field, and the text stays.
 */
export function AddLineForm(props: {
  label: string;
  placeholder?: string;
  /** The most characters a line may have (a counter shows as it nears it). */
  max: number;
  onAdd: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
      onSubmit={(e) => {
        e.preventDefault();
        // A refusal thrown at once or later is said the same way.
        void Promise.resolve()
          .then(() => props.onAdd(text))
          .then(
            () => {
              setText('');
              setError(null);
            },
            (failure: unknown) =>
              setError(
                issuesOf(failure)
                  .map((i) => i.message)
                  .join(' '),
              ),
          );
      }}
    >
      <TextField
        label={props.label}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        {...limitHelp(text, props.max, error)}
        // A long note can be read back as typed; Enter adds, Shift+Enter starts a new line.
        multiline
        maxRows={6}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            e.currentTarget.closest('form')?.requestSubmit();
          }
        }}
        sx={{ flex: 1, maxWidth: 520 }}
      />
      <Button type="submit" variant="outlined" sx={{ mt: 1 }}>
        {props.label}
      </Button>
    </Box>
  );
}
