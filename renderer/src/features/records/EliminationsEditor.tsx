import { Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify } from '../../app/notify';
import { FormDialog } from '../../components/FormDialog';
import { actions } from '../../db/actions';
import { InputError } from '../../db/errors';
import { useEliminations } from '../../db/hooks';

/** The town's own list of the ten eliminations (十项消除), one per line. */
export function EliminationsEditor() {
  const items = useEliminations();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const notify = useNotify();
  return (
    <>
      <Button onClick={() => setText((items ?? []).join('\n'))} disabled={!items}>
        编辑消除项目
      </Button>
      {text !== null ? (
        <FormDialog
          title="十项消除：消除项目"
          onClose={() => setText(null)}
          onSubmit={async () => {
            try {
              await actions.saveEliminations(text.split('\n'));
              notify.success('消除项目已保存。');
              setText(null);
            } catch (error) {
              if (error instanceof InputError) setProblem(error.issues[0]?.message ?? '');
              else notify.error(error);
            }
          }}
        >
          <TextField
            label="消除项目（每行一项）"
            value={text}
            onChange={(e) => setText(e.target.value)}
            multiline
            minRows={10}
            error={Boolean(problem)}
            helperText={problem || '已有记录中的项目名称不会改变；改名后的项目从新记录起使用。'}
          />
        </FormDialog>
      ) : null}
    </>
  );
}
