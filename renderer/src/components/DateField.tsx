import EventIcon from '@mui/icons-material/EventOutlined';
import { IconButton, InputAdornment, Popover, TextField, type TextFieldProps } from '@mui/material';
import { DateCalendar } from '@mui/x-date-pickers/DateCalendar';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { zhCN } from '@mui/x-date-pickers/locales';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useId, useRef, useState } from 'react';
import { isValidIsoDate, normalizeTypedDate, normalizeTypedMonth } from '@shared/domain/dates';

const pickerTexts = zhCN.components.MuiLocalizationProvider.defaultProps.localeText;

type Kind = 'date' | 'month';

const normalize = (kind: Kind, text: string) =>
  kind === 'date' ? normalizeTypedDate(text) : normalizeTypedMonth(text);

const isComplete = (kind: Kind, value: string) =>
  kind === 'date' ? isValidIsoDate(value) : isValidIsoDate(`${value}-01`);

/**
 * A date (or a month) typed as people type it — 2026-3-5, 2026/3/5, 2026年3月5日 — or chosen on
 * a calendar in Chinese whatever the PC's language; the value is always `YYYY-MM-DD` (or
 * `YYYY-MM`). What cannot be read is handed on as typed, so that the form's check says why
 * (2026-02-30 does not exist) instead of the field silently emptying, as a browser's own date
 * input does.
 */
export function DateField({
  value,
  onChange,
  kind = 'date',
  disableFuture = false,
  slotProps,
  ...field
}: Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (value: string) => void;
  kind?: Kind;
  /** The calendar offers no day after today (the form's check refuses one typed). */
  disableFuture?: boolean;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const calendarId = useId();
  // The value changed from outside (a reset, another month chosen): show it — unless it is what
  // is being typed. A value the parent did not take (half a month typed) leaves the text alone.
  if (value !== seen) {
    setSeen(value);
    if (normalize(kind, text) !== value) setText(value);
  }

  // A month is taken when the typing is done (Enter, leaving the field): "2026-1" on the way to
  // "2026-11" is not a month to go to. A date goes to the form as typed, to be checked there.
  const type = (next: string) => {
    setText(next);
    if (kind === 'date') onChange(normalize(kind, next));
  };
  const commit = () => {
    const normal = normalize(kind, text);
    if (normal !== text) setText(normal);
    if (kind === 'month' && normal !== value) onChange(normal);
  };
  const picked = (day: Dayjs | null, state?: string) => {
    // Choosing the year first is a step, not yet a choice.
    if (!day || state === 'partial') return;
    const next = day.format(kind === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM');
    setText(next);
    onChange(next);
    setAnchor(null);
  };
  const shown = isComplete(kind, value) ? dayjs(kind === 'date' ? value : `${value}-01`) : null;
  // A day that does not exist (2026-02-30) opens its month, for the right day to be chosen.
  const month = /^(\d{4})-(\d{2})/.exec(value);
  const reference =
    month && isValidIsoDate(`${month[1]}-${month[2]}-01`)
      ? dayjs(`${month[1]}-${month[2]}-01`)
      : undefined;

  return (
    <>
      <TextField
        {...field}
        value={text}
        onChange={(e) => type(e.target.value)}
        onBlur={(e) => {
          // Left as the stored shape, so that every date on screen reads the same way.
          commit();
          field.onBlur?.(e);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && kind === 'month') commit();
          field.onKeyDown?.(e);
        }}
        placeholder={kind === 'date' ? '年-月-日' : '年-月'}
        slotProps={{
          ...slotProps,
          inputLabel: { shrink: true, ...(slotProps?.inputLabel as object) },
          htmlInput: {
            inputMode: 'numeric',
            autoComplete: 'off',
            ...(slotProps?.htmlInput as object),
          },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  ref={button}
                  edge="end"
                  size="small"
                  aria-label={kind === 'date' ? '打开日历' : '选择月份'}
                  aria-haspopup="dialog"
                  aria-controls={anchor ? calendarId : undefined}
                  disabled={field.disabled}
                  onClick={() => setAnchor(button.current)}
                >
                  <EventIcon fontSize="small" />
                </IconButton>
              </InputAdornment>
            ),
            ...(slotProps?.input as object),
          },
        }}
      />
      <Popover
        id={calendarId}
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': '日历' } }}
      >
        <LocalizationProvider
          dateAdapter={AdapterDayjs}
          adapterLocale="zh-cn"
          localeText={pickerTexts}
          dateFormats={{ month: 'M月', monthShort: 'M月' }}
        >
          <DateCalendar
            value={shown}
            referenceDate={reference}
            slotProps={{ calendarHeader: { format: 'YYYY年M月' } }}
            onChange={picked}
            disableFuture={disableFuture}
            views={kind === 'date' ? ['year', 'month', 'day'] : ['year', 'month']}
            openTo={kind === 'date' ? 'day' : 'month'}
          />
        </LocalizationProvider>
      </Popover>
    </>
  );
}
