import { useState } from 'react';
import { useDialogSave } from './useDialogSave';

type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * A form dialog's state and save: `set` changes fields (and clears the answered messages),
 * `text(key)` binds a text field to a string field of the form, `run` saves as `useDialogSave`.
 */
export function useFormDialog<T extends object>(
  initial: T | (() => T),
  savedMessage: string,
  onDone: () => void,
) {
  const [form, setForm] = useState<T>(initial);
  const { issues, run, clear } = useDialogSave(savedMessage, onDone);
  const set = (patch: Partial<T>) => {
    clear();
    setForm((f) => ({ ...f, ...patch }));
  };
  const text = (key: TextKeys<T>) => ({
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) =>
      set({ [key]: e.target.value } as unknown as Partial<T>),
  });
  return { form, set, text, issues, run };
}
