import { TextField } from '@mui/material';
import { normalizeTypedTime } from '@shared/domain/dates';

/**
 * A time of day (`HH:MM`, 24 hours) typed as the office types it — 8:30, 0830, 8点30 — and
 * shown the same way whatever the PC's language (a browser's own time input shows "AM/PM" on
 * an English system). What is typed is read on leaving the field.
 */
export function TimeField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      label={label}
      value={value}
      placeholder="08:30"
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const read = normalizeTypedTime(value);
        if (read !== value) onChange(read);
      }}
      slotProps={{
        htmlInput: { inputMode: 'numeric', maxLength: 8 },
        inputLabel: { shrink: true },
      }}
      sx={{ width: 140 }}
    />
  );
}
