import { useState } from 'react';
import type { ValidationIssue } from '@shared/domain/validation';
import { useNotify } from '../app/notify';
import { InputError } from '../db/errors';

/**
 * Runs a dialog's save: on success says `savedMessage` and calls `onDone`; a refusal by the rules
 * becomes the dialog's issue list (the dialog stays open); anything else is a notice. The issues
 * clear as soon as the user edits (`clear`), so an answered message does not linger.
 */
export function useDialogSave(savedMessage: string, onDone: () => void) {
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const notify = useNotify();
  return {
    issues,
    clear: () => setIssues((current) => (current.length > 0 ? [] : current)),
    run: async (save: () => Promise<unknown>) => {
      try {
        await save();
        notify.success(savedMessage);
        onDone();
      } catch (error) {
        if (error instanceof InputError) setIssues(error.issues);
        else notify.error(error);
      }
    },
  };
}
