import { TextField } from '@mui/material';
import type { RecordField } from '@shared/domain/workRecords';
import type { ValidationIssue } from '@shared/domain/validation';
import { SelectField } from '../../components/SelectField';
import { DateField } from '../../components/DateField';

/** The inputs of one record kind, drawn from its field list; the first gets the focus. */
export function RecordFields({
  fields,
  values,
  onChange,
  issues,
  villages,
  eliminations,
}: {
  fields: readonly RecordField[];
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  issues: readonly ValidationIssue[];
  villages: readonly { id: string; name: string }[];
  eliminations: readonly string[];
}) {
  return (
    <>
      {fields.map((field, i) => {
        const error = issues.find((issue) => issue.field === field.key)?.message;
        const common = {
          label: field.label,
          value: values[field.key] ?? '',
          onChange: (e: { target: { value: string } }) => onChange(field.key, e.target.value),
          error: Boolean(error),
          helperText: error,
          required: field.required,
          autoFocus: i === 0,
        };
        if (field.type === 'village' || field.type === 'choice') {
          const options =
            field.type === 'village'
              ? villages.map((v) => ({ value: v.id, label: v.name }))
              : (field.choices === 'eliminations' ? eliminations : (field.choices ?? [])).map(
                  (c) => ({ value: c, label: c }),
                );
          return (
            <SelectField
              key={field.key}
              label={field.label}
              value={values[field.key] ?? ''}
              onChange={(value) => onChange(field.key, value)}
              error={error}
              required={field.required}
              autoFocus={i === 0}
              placeholder="请选择"
              options={options}
            />
          );
        }
        if (field.type === 'date')
          return (
            <DateField
              key={field.key}
              {...common}
              onChange={(value) => onChange(field.key, value)}
              disableFuture
            />
          );
        return (
          <TextField
            key={field.key}
            {...common}
            multiline={field.type === 'longText'}
            minRows={field.type === 'longText' ? 3 : undefined}
            slotProps={{
              htmlInput:
                field.type === 'count' || field.type === 'decimal'
                  ? { inputMode: field.type === 'count' ? 'numeric' : 'decimal' }
                  : undefined,
            }}
          />
        );
      })}
    </>
  );
}
