import { Box, Button, TextField } from '@mui/material';
import { useState } from 'react';

/** One text field and a button that adds a line (a measure, a progress note); Enter adds too. */
export function AddLineForm(props: {
  label: string;
  placeholder?: string;
  onAdd: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 1 }}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onAdd(text).then(
          () => setText(''),
          () => undefined,
        );
      }}
    >
      <TextField
        label={props.label}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button type="submit" variant="outlined">
        {props.label}
      </Button>
    </Box>
  );
}
