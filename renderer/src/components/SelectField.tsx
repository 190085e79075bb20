import { TextField, type SxProps, type Theme } from '@mui/material';
import { periodLabel } from '@shared/domain/period';
import { NATIVE_SELECT } from './nativeSelect';

export interface SelectOption {
  value: string;
  label: string;
}

/** Options from plain strings (the value is the label). */
export const plainOptions = (values: readonly string[]): SelectOption[] =>
  values.map((value) => ({ value, label: value }));

/**
 * A labelled native select: light to draw, chosen with the keyboard by typing. `placeholder`
 * adds a first, empty option (请选择, （无）…). `ariaLabel` names it where the label is not
 * enough (a row of a list).
 */
export function SelectField(props: {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  placeholder?: string | undefined;
  ariaLabel?: string | undefined;
  size?: 'small' | 'medium';
  disabled?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  error?: string | undefined;
  sx?: SxProps<Theme>;
}) {
  return (
    <TextField
      select
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      size={props.size}
      disabled={props.disabled}
      required={props.required}
      autoFocus={props.autoFocus}
      error={Boolean(props.error)}
      helperText={props.error}
      sx={props.sx}
      slotProps={{
        ...NATIVE_SELECT,
        htmlInput: props.ariaLabel ? { 'aria-label': props.ariaLabel } : {},
      }}
    >
      {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/** Month or quarter keys as options: 2026-10 → 2026年10月. */
export const periodOptions = (keys: readonly string[]): SelectOption[] =>
  keys.map((key) => ({ value: key, label: periodLabel(key) }));

/** The last ten years, this one first, as options. */
export function yearOptions(): SelectOption[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => ({ value: String(now - i), label: `${now - i}年` }));
}
