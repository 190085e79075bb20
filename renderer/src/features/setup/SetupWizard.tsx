import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Link,
  Paper,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { validateTown } from '@shared/domain/town';
import { checkAccountName, checkPassword } from '@shared/domain/accounts';
import { PasswordFields } from '../accounts/PasswordFields';
import { showRecoveryCode } from '../accounts/recoveryNotice';
import {
  DEFAULT_VILLAGE_COUNT,
  MAX_VILLAGE_COUNT,
  placeholderVillageNames,
  splitPastedList,
  validateVillageList,
} from '@shared/domain/village';
import type { ValidationIssue } from '@shared/domain/validation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { IssueList } from '../../components/IssueList';
import { fieldMessage, issuesOf } from '../../components/issues';
import { actions } from '../../db/actions';
import { useNotify } from '../../app/notify';
import { SETUP } from './strings';
import { COUNTY } from '../county/strings';
import { CountySetup } from '../county/CountySetup';
import { useVillageListImport } from './useVillageListImport';

/** First run: town, operator and villages, saved together at the end. */
export function SetupWizard() {
  const navigate = useNavigate();
  const notify = useNotify();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<'town' | 'county'>('town');
  const [town, setTown] = useState({ name: '', county: '' });
  const [operator, setOperator] = useState('');
  const [password, setPassword] = useState({ password: '', repeat: '' });
  const [count, setCount] = useState(String(DEFAULT_VILLAGE_COUNT));
  const [villageText, setVillageText] = useState(
    placeholderVillageNames(DEFAULT_VILLAGE_COUNT).join('\n'),
  );
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  /** The count of placeholder names waiting for the office to confirm replacing its own. */
  const [replacing, setReplacing] = useState<number | null>(null);
  const fileImport = useVillageListImport();

  const villageLines = useMemo(() => splitPastedList(villageText), [villageText]);
  const villageCheck = useMemo(() => validateVillageList(villageLines), [villageLines]);

  function check(current: number): ValidationIssue[] {
    if (current === 0) return validateTown(town);
    if (current === 1)
      return [
        ...checkAccountName(operator, []).map((i) => ({ ...i, field: 'operator' })),
        ...checkPassword(password.password, password.repeat),
      ];
    if (current === 2) return villageCheck.issues;
    return [];
  }

  async function next(event: FormEvent) {
    event.preventDefault();
    const found = check(step);
    setIssues(found);
    if (found.length > 0) return;
    if (step < 3) {
      setStep(step + 1);
      return;
    }
    setSaving(true);
    try {
      const code = await actions.completeSetup({
        town,
        operator,
        villageNames: villageCheck.names,
        ...password,
      });
      void actions.requestPersistentStorage().catch(() => false);
      notify.success(SETUP.finished);
      // Shown before the dashboard: the administrator's recovery code, once.
      showRecoveryCode({ code, account: operator.trim() });
      void navigate('/', { replace: true });
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setSaving(false);
    }
  }

  function regenerate() {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX_VILLAGE_COUNT) {
      setIssues([
        { field: 'count', message: `村庄数量应是 1 到 ${MAX_VILLAGE_COUNT} 之间的整数。` },
      ]);
      return;
    }
    setIssues([]);
    // Names the office typed or pasted are not replaced without asking.
    const own = villageCheck.names.filter((name) => !/^村庄\d+$/.test(name));
    if (own.length > 0) setReplacing(n);
    else setVillageText(placeholderVillageNames(n).join('\n'));
  }

  async function importFile() {
    const picked = await fileImport.pick();
    if (picked) {
      setVillageText(picked.names.join('\n'));
      setCount(String(picked.names.length));
      setIssues([]);
      notify.success(SETUP.imported(picked.names.length, picked.fileName));
    }
  }

  // On the town and operator steps a field's issue shows under the field; the rest in a list.
  const generalIssues =
    step === 2
      ? issues
      : issues.filter(
          (i) => !['name', 'county', 'operator', 'password', 'repeat'].includes(i.field),
        );

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6, px: 2 }}>
      {/* The county's set-up is a form of its own: this one is not a form then. */}
      <Paper
        sx={{ maxWidth: 760, mx: 'auto', p: 4 }}
        component={kind === 'county' ? 'div' : 'form'}
        onSubmit={kind === 'county' ? undefined : (event: FormEvent) => void next(event)}
        noValidate
      >
        <Typography variant="h1" gutterBottom>
          {SETUP.title}
        </Typography>
        {/* The town's intro, demo and restore are a town's; the county's form has its own words. */}
        {kind === 'county' ? null : (
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {SETUP.intro}{' '}
            <Link component={RouterLink} to="/demo">
              {SETUP.demo}
            </Link>{' '}
            <Link component={RouterLink} to="/restore">
              {SETUP.restore}
            </Link>
          </Typography>
        )}
        {step === 0 ? (
          <FormControl sx={{ mb: 2 }}>
            <FormLabel id="installation-kind">{COUNTY.setup.kind}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="installation-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as 'town' | 'county')}
            >
              <FormControlLabel value="town" control={<Radio />} label={COUNTY.setup.town} />
              <FormControlLabel value="county" control={<Radio />} label={COUNTY.setup.county} />
            </RadioGroup>
          </FormControl>
        ) : null}
        {kind === 'county' ? <CountySetup /> : null}
        {kind === 'county' ? null : (
          <>
            <Stepper activeStep={step} sx={{ mb: 4 }}>
              {SETUP.steps.map((label) => (
                <Step key={label}>
                  <StepLabel>{label}</StepLabel>
                </Step>
              ))}
            </Stepper>

            {step === 0 ? (
              <Box sx={{ display: 'grid', gap: 2 }}>
                <TextField
                  label={SETUP.townName}
                  value={town.name}
                  onChange={(e) => setTown({ ...town, name: e.target.value })}
                  error={Boolean(fieldMessage(issues, 'name'))}
                  helperText={fieldMessage(issues, 'name') ?? SETUP.townNameHelp}
                  autoFocus
                  required
                />
                <TextField
                  label={SETUP.county}
                  value={town.county}
                  onChange={(e) => setTown({ ...town, county: e.target.value })}
                  error={Boolean(fieldMessage(issues, 'county'))}
                  helperText={fieldMessage(issues, 'county') ?? SETUP.countyHelp}
                  required
                />
              </Box>
            ) : null}

            {step === 1 ? (
              <Box sx={{ display: 'grid', gap: 2 }}>
                <Typography color="text.secondary">{SETUP.accountIntro}</Typography>
                <TextField
                  label={SETUP.operator}
                  value={operator}
                  onChange={(e) => setOperator(e.target.value)}
                  error={Boolean(fieldMessage(issues, 'operator'))}
                  helperText={fieldMessage(issues, 'operator') ?? SETUP.operatorHelp}
                  autoFocus
                  required
                />
                <PasswordFields
                  password={password.password}
                  repeat={password.repeat}
                  onChange={(change) => setPassword({ ...password, ...change })}
                  issues={issues}
                  forgot="code"
                />
              </Box>
            ) : null}

            {step === 2 ? (
              <Box sx={{ display: 'grid', gap: 2 }}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                  <TextField
                    label={SETUP.villageCount}
                    value={count}
                    onChange={(e) => setCount(e.target.value)}
                    onKeyDown={(e) => {
                      // Enter here makes the list, not the next step.
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      regenerate();
                    }}
                    sx={{ width: 120 }}
                    slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  />
                  <Button variant="outlined" onClick={regenerate}>
                    {SETUP.regenerate}
                  </Button>
                  <Button
                    variant="outlined"
                    startIcon={<UploadFileIcon />}
                    onClick={() => void importFile()}
                    disabled={fileImport.busy}
                  >
                    {SETUP.importFile}
                  </Button>
                </Box>
                {fileImport.issues ? (
                  <IssueList
                    title={SETUP.fileIssuesTitle(fileImport.issues.fileName)}
                    issues={fileImport.issues.issues}
                  />
                ) : null}
                <TextField
                  label={SETUP.villageList}
                  value={villageText}
                  onChange={(e) => {
                    // The count follows the list, so it never says 27 beside a list of four.
                    setVillageText(e.target.value);
                    setCount(
                      String(validateVillageList(splitPastedList(e.target.value)).names.length),
                    );
                  }}
                  multiline
                  minRows={10}
                  maxRows={18}
                  helperText={`${SETUP.villageListHelp} ${SETUP.villageTotal(villageCheck.names.length)}`}
                  slotProps={{ htmlInput: { 'aria-label': SETUP.villageList, spellCheck: false } }}
                />
              </Box>
            ) : null}

            {step === 3 ? (
              <Box>
                <Typography variant="h4" gutterBottom>
                  {SETUP.confirmTitle}
                </Typography>
                <Table size="small">
                  <TableBody>
                    <TableRow>
                      <TableCell sx={{ width: 140 }}>{SETUP.townName}</TableCell>
                      <TableCell>{town.name.trim()}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>{SETUP.county}</TableCell>
                      <TableCell>{town.county.trim()}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>{SETUP.admin}</TableCell>
                      <TableCell>{operator.trim()}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>村庄</TableCell>
                      <TableCell>
                        {SETUP.villageTotal(villageCheck.names.length)}：
                        {villageCheck.names.slice(0, 8).join('、')}
                        {villageCheck.names.length > 8 ? '……' : ''}
                      </TableCell>
                    </TableRow>
                  </TableBody>
                </Table>
              </Box>
            ) : null}

            {generalIssues.length > 0 ? (
              <Box sx={{ mt: 2 }}>
                <IssueList
                  title={step === 2 ? SETUP.listIssuesTitle : undefined}
                  issues={generalIssues}
                />
              </Box>
            ) : null}

            <ConfirmDialog
              open={replacing !== null}
              title={SETUP.replaceTitle}
              message={SETUP.replaceMessage(villageCheck.names.length, replacing ?? 0)}
              confirmLabel={SETUP.replaceConfirm}
              danger
              onConfirm={() => setVillageText(placeholderVillageNames(replacing ?? 0).join('\n'))}
              onClose={() => setReplacing(null)}
            />
            <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 4 }}>
              <Button
                disabled={step === 0 || saving}
                onClick={() => {
                  setIssues([]);
                  setStep(step - 1);
                }}
              >
                {SETUP.back}
              </Button>
              <Button type="submit" variant="contained" disabled={saving}>
                {step === 3 ? SETUP.finish : SETUP.next}
              </Button>
            </Box>
            {saving ? (
              <Alert severity="info" sx={{ mt: 2 }}>
                正在保存……
              </Alert>
            ) : null}
          </>
        )}
      </Paper>
    </Box>
  );
}
