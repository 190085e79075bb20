import { Alert, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useEffect } from 'react';
import type { ProblemForm } from '@shared/domain/problem';
import { closedOn } from '@shared/domain/recheck';
import { useReboundCandidates, useRecheckRules } from '../../db/hooks';
import { RECHECK } from './recheckStrings';

/**
 * While a new item is typed: the closed items of the same village, category and place within the
 * rebound window, offered so that the new one is entered as their return (反弹). `value` is the
 * chosen item's id, '' for none; a choice that no longer fits what is typed is dropped.
 */
export function ReboundOffer(props: {
  form: ProblemForm;
  value: string;
  onChange: (id: string) => void;
}) {
  const { form, value, onChange } = props;
  const rules = useRecheckRules();
  const candidates = useReboundCandidates(form.villageId, form.category, form.place, form.foundOn);
  const fits = candidates?.some((p) => p.id === value) ?? false;
  useEffect(() => {
    if (value && candidates && !fits) onChange('');
  }, [value, candidates, fits, onChange]);
  if (!candidates || candidates.length === 0 || !rules) return null;
  return (
    <Alert severity="warning" data-testid="rebound-offer" icon={false}>
      <Typography sx={{ fontWeight: 500 }}>{RECHECK.offerTitle}</Typography>
      <Typography variant="body2">{RECHECK.offer(rules.reboundMonths)}</Typography>
      <RadioGroup value={fits ? value : ''} onChange={(e) => onChange(e.target.value)}>
        <FormControlLabel value="" control={<Radio size="small" />} label={RECHECK.offerNone} />
        {candidates.map((p) => (
          <FormControlLabel
            key={p.id}
            value={p.id}
            control={<Radio size="small" />}
            label={RECHECK.offerItem(p.number, closedOn(p) ?? '', p.description)}
          />
        ))}
      </RadioGroup>
    </Alert>
  );
}
