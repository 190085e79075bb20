import {
  Alert,
  Box,
  Button,
  LinearProgress,
  MenuItem,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../app/notify';
import { actions } from '../../db/actions';
import { demoImages } from './demoImages';
import { ROLES } from '@shared/domain/accounts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, parseDemoSeed } from '@shared/domain/demo';

const DEMO_ACCOUNTS_TEXT = `示例账号：${DEMO_ACCOUNTS.map(
  (a) =>
    `${a.name}（${a.all ? '管理员，全部权限' : a.roles.map((r) => ROLES[r].label).join('、')}）`,
).join(
  '、',
)}，密码都是 ${DEMO_PASSWORD}。现在以${DEMO_ACCOUNTS[0]!.name}登录；可以在右上角“切换用户”，试试各个角色能做什么。`;

const DEMO = {
  seed: (seed: number) =>
    `随机种子：${seed}。同一个随机种子生成的示例数据完全相同，不同的随机种子生成不同的数据。`,
};

const PHASES = {
  generate: '正在生成示例数据……',
  write: '正在写入……',
  done: '示例数据已载入。',
} as const;

/**
 * Loads 示例数据 into an empty profile, for training and demonstrations (and the benchmark,
 * which opens #/demo?years=10&seed=3&auto=1). `seed` chooses the draw: the same seed, the same
 * data; without one, the demo every earlier version loaded.
 */
export function DemoPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [years, setYears] = useState(Math.min(10, Math.max(1, Number(params.get('years')) || 3)));
  const seed = parseDemoSeed(params.get('seed'));
  const [progress, setProgress] = useState<{ phase: keyof typeof PHASES; fraction: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const started = useRef(false);
  /** Whether this load made the demo's accounts (an empty profile): say how to sign in. */
  const [accountsMade, setAccountsMade] = useState(false);

  async function load(n: number) {
    if (!seed.ok) return;
    setError(null);
    setProgress({ phase: 'generate', fraction: 0 });
    const before = await actions.hasAccounts();
    try {
      const counts = await actions.loadDemoData(
        n,
        (phase, fraction) => setProgress({ phase, fraction }),
        await demoImages(),
        seed.seed,
      );
      setAccountsMade(!before);
      setSummary(
        `${counts.periods} 个月考核、${counts.deductions} 条扣分、${counts.actions} 项后续事项、${counts.problems} 个整改问题、${counts.patrols} 条巡河巡林记录、${counts.photos} 张现场照片`,
      );
    } catch (e) {
      setProgress(null);
      setError(describeError(e));
    }
  }

  useEffect(() => {
    if (params.get('auto') === '1' && seed.ok && !started.current) {
      started.current = true;
      void load(years);
    }
  });

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6, px: 2 }}>
      <Paper sx={{ maxWidth: 640, mx: 'auto', p: 4, display: 'grid', gap: 2 }}>
        <Typography variant="h1">载入示例数据</Typography>
        <Typography color="text.secondary">
          用于培训和演示：生成一个示例镇的 27
          个村、按月考核打分、红黄榜和后续事项。页面上会一直标注“示例数据”。只能载入到还没有考核数据的空白数据中，不会与真实数据混在一起。
        </Typography>
        {seed.ok && seed.seed !== undefined ? (
          <Typography data-testid="demo-seed">{DEMO.seed(seed.seed)}</Typography>
        ) : null}
        {seed.ok ? null : (
          <Alert severity="error" data-testid="demo-seed-error">
            {seed.message}
          </Alert>
        )}
        <TextField
          select
          label="年数"
          value={years}
          onChange={(e) => setYears(Number(e.target.value))}
          sx={{ width: 160 }}
          disabled={progress !== null}
        >
          {[1, 2, 3, 5, 10].map((n) => (
            <MenuItem key={n} value={n}>
              {n} 年
            </MenuItem>
          ))}
        </TextField>
        {progress ? (
          <Box>
            <Typography data-testid="demo-status">{PHASES[progress.phase]}</Typography>
            <LinearProgress
              variant={progress.phase === 'write' ? 'indeterminate' : 'determinate'}
              value={progress.fraction * 100}
              sx={{ mt: 1 }}
            />
            {summary ? <Typography sx={{ mt: 1 }}>{summary}</Typography> : null}
            {summary && accountsMade ? (
              <Alert severity="info" sx={{ mt: 1 }} data-testid="demo-accounts">
                {DEMO_ACCOUNTS_TEXT}
              </Alert>
            ) : null}
          </Box>
        ) : null}
        {error ? <Alert severity="error">{error}</Alert> : null}
        <Box sx={{ display: 'flex', gap: 1 }}>
          {progress?.phase === 'done' ? (
            <Button variant="contained" onClick={() => void navigate('/')}>
              查看总览
            </Button>
          ) : (
            <Button
              variant="contained"
              disabled={progress !== null || !seed.ok}
              onClick={() => void load(years)}
            >
              载入示例数据
            </Button>
          )}
          <Button onClick={() => void navigate('/')}>返回</Button>
        </Box>
      </Paper>
    </Box>
  );
}
