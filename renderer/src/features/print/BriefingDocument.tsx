import { isLongRow } from '@shared/domain/prints';
import { averageChange, briefingTitle, type BriefingContent } from '@shared/domain/briefing';
import { formatChineseDate } from '@shared/domain/dates';
import { FLAG_LABELS, type FlagColor } from '@shared/domain/flags';
import { periodLabel } from '@shared/domain/period';
import { PrintRankingChart } from './PrintRankingChart';
import { PrintTable } from './PrintTable';
import { IDEOGRAPHIC_SPACE } from './strings';
import { BriefingRecheckPart } from './BriefingRechecks';

export const flagText = (flag: FlagColor | null) =>
  flag ? `${FLAG_LABELS[flag].symbol}${FLAG_LABELS[flag].word}` : '';

const signed = (n: number | null, unit = '') =>
  n === null ? '—' : n > 0 ? `+${n}${unit}` : n < 0 ? `${n}${unit}` : `0${unit}`;

const places = (n: number | null) =>
  n === null ? '—' : n > 0 ? `升 ${n} 位` : n < 0 ? `降 ${-n} 位` : '持平';

/** The monthly briefing (月度通报) as printed, from its worked-out content. */
export function BriefingDocument({
  content: b,
  issuedOn,
}: {
  content: BriefingContent;
  /** The date printed under the title and at the end: the issue date, or today for a draft. */
  issuedOn: string;
}) {
  const reds = b.flags.filter((f) => f.color === 'red');
  const yellows = b.flags.filter((f) => f.color === 'yellow');
  const names = (list: typeof b.flags) => list.map((f) => `${f.name}（${f.score} 分）`).join('、');
  const change = averageChange(b);
  const t = b.ledger.total;
  return (
    <article data-testid="briefing">
      <h1>
        {b.townName}
        {briefingTitle(b.month)}
      </h1>
      <p className="doc-subtitle">
        {b.townName}生态环境工作办公室
        {IDEOGRAPHIC_SPACE.repeat(2)}
        {formatChineseDate(issuedOn)}
      </p>

      <h2>一、{b.flagPeriod ? `${periodLabel(b.flagPeriod)}红黄榜` : '红黄榜'}</h2>
      <p>
        {b.scores.length === 0 ? (
          `${periodLabel(b.month)}的考核结果尚未发布。`
        ) : (
          <>
            {periodLabel(b.month)}全镇 {b.scores.length} 个村参加考评，平均得分 {b.average ?? '—'}{' '}
            分
            {change === null
              ? ''
              : change === 0
                ? '，与上月持平'
                : `，较上月${change > 0 ? '上升' : '下降'} ${Math.abs(change)} 分`}
            。
          </>
        )}
        {b.flagPeriod === null
          ? '本月不评红黄旗（按季度评旗）。'
          : `${reds.length > 0 ? `获红旗：${names(reds)}。` : '本期无红旗。'}${
              yellows.length > 0 ? `获黄旗：${names(yellows)}。` : '本期无黄旗。'
            }`}
        {b.unscored.length > 0 ? `未参加考评：${b.unscored.join('、')}。` : ''}
      </p>
      {b.flagPeriod !== null ? (
        <PrintTable
          testId="briefing-flags"
          rows={b.flags}
          empty="本期未授旗。"
          columns={[
            { header: '旗帜', cell: (f) => flagText(f.color), align: 'center', width: '12%' },
            { header: '村', cell: (f) => f.name, width: '16%' },
            { header: '得分', cell: (f) => f.score, align: 'num', width: '10%' },
            { header: '排名', cell: (f) => f.rank, align: 'center', width: '8%' },
            { header: '授旗理由', cell: (f) => f.reason },
          ]}
        />
      ) : null}
      {b.withdrawn.length > 0 ? (
        <p>
          摘旗：
          {b.withdrawn.map((w) => `${w.name}（${w.reason}）`).join('；')}。
        </p>
      ) : null}

      <h2>二、考核得分及排名</h2>
      <PrintTable
        testId="briefing-scores"
        rows={b.scores}
        empty="本月尚未公布考核结果。"
        columns={[
          { header: '排名', cell: (s) => s.rank, align: 'center', width: '8%' },
          { header: '村', cell: (s) => s.name, width: '18%' },
          { header: '得分', cell: (s) => s.score, align: 'num', width: '12%' },
          {
            header: '较上月（分）',
            cell: (s) => signed(s.scoreChange),
            align: 'num',
            width: '14%',
          },
          { header: '名次变化', cell: (s) => places(s.rankChange), align: 'center', width: '14%' },
          { header: '旗帜', cell: (s) => flagText(s.flag), align: 'center' },
        ]}
      />
      {b.scores.length > 0 ? (
        <div className="figure">
          <PrintRankingChart rows={b.scores} average={b.average} />
          <p className="plain" style={{ textAlign: 'center', fontSize: '9pt' }}>
            图 1{IDEOGRAPHIC_SPACE}各村得分排名（黑色为红旗村，斜线为黄旗村，虚线为全镇平均分）
          </p>
        </div>
      ) : null}

      <h2>三、问题整改进展</h2>
      <p>
        截至 {formatChineseDate(b.asOf)}，台账在办问题 {t.open} 件，其中逾期 {t.overdue} 件；
        {periodLabel(b.month)}新发现 {t.found} 件，销号 {t.closed} 件。
      </p>
      <h3>（一）按问题来源</h3>
      <PrintTable
        testId="briefing-by-source"
        rows={b.ledger.bySource}
        empty="无。"
        columns={ledgerColumns('来源')}
        footer={[t.label, t.found, t.closed, t.open, t.overdue]}
      />
      <h3>（二）按村</h3>
      <PrintTable
        testId="briefing-by-village"
        rows={b.ledger.byVillage}
        empty="本月各村无问题记录。"
        columns={ledgerColumns('村')}
      />
      <h3>（三）逾期未整改问题</h3>
      <PrintTable
        testId="briefing-overdue"
        rows={b.ledger.overdueItems}
        empty="无逾期问题。"
        mayBreak={(i) => isLongRow(i.description)}
        columns={[
          { header: '编号', cell: (i) => i.number, width: '17%', nowrap: true },
          { header: '村', cell: (i) => i.village, width: '9%' },
          { header: '类别', cell: (i) => i.category, width: '10%' },
          { header: '问题', cell: (i) => i.description },
          { header: '责任人', cell: (i) => i.person, width: '9%' },
          { header: '整改期限', cell: (i) => i.deadline, align: 'center', width: '12%' },
          { header: '逾期天数', cell: (i) => i.daysOverdue, align: 'num', width: '8%' },
          { header: '督办', cell: (i) => (i.supervised ? '是' : ''), align: 'center', width: '6%' },
        ]}
      />
      {b.ledger.overdueByPerson.length > 0 ? (
        <p>
          逾期问题责任人：
          {b.ledger.overdueByPerson.map((p) => `${p.person} ${p.count} 件`).join('；')}。
        </p>
      ) : null}
      {b.rechecks ? <BriefingRecheckPart r={b.rechecks} month={b.month} /> : null}

      {b.patrols ? (
        <>
          <h2>四、巡河巡林情况</h2>
          <p>
            {periodLabel(b.month)}全镇巡河 {b.patrols.river} 次、巡林 {b.patrols.forest}{' '}
            次，发现问题 {b.patrols.findings} 处。
            {b.patrols.behind.length === 0
              ? '各级河长、护林员均按要求完成巡查。'
              : '未按要求完成巡查的有：'}
          </p>
          {b.patrols.behind.length > 0 ? (
            <PrintTable
              testId="briefing-patrols"
              rows={b.patrols.behind}
              empty=""
              columns={[
                { header: '姓名', cell: (r) => r.name, width: '18%' },
                { header: '职责', cell: (r) => r.role },
                { header: '应巡', cell: (r) => r.required, align: 'num', width: '12%' },
                { header: '实巡', cell: (r) => r.done, align: 'num', width: '12%' },
                { header: '差', cell: (r) => r.required - r.done, align: 'num', width: '12%' },
              ]}
            />
          ) : null}
        </>
      ) : null}

      <h2>{b.patrols ? '五' : '四'}、应落实事项</h2>
      <PrintTable
        testId="briefing-actions"
        rows={b.actions}
        empty="无。"
        columns={[
          // Undone actions of earlier periods stand beside this one's: each says its period.
          { header: '考核期', cell: (a) => a.period ?? '', width: '13%' },
          { header: '村', cell: (a) => a.village, width: '12%' },
          { header: '事项', cell: (a) => a.kind, width: '13%' },
          { header: '内容', cell: (a) => a.title },
          { header: '期限', cell: (a) => a.dueDate, align: 'center', width: '14%' },
          {
            header: '情况',
            cell: (a) => (a.done ? '已落实' : '待落实'),
            align: 'center',
            width: '10%',
          },
        ]}
      />

      <h2>{b.patrols ? '六' : '五'}、下阶段工作重点</h2>
      {b.focus.trim() ? (
        b.focus
          .split(/\n+/)
          .filter((line) => line.trim())
          .map((line, i) => <p key={i}>{line.trim()}</p>)
      ) : (
        <p className="plain">（未填写）</p>
      )}

      <p className="plain" style={{ textAlign: 'right', marginTop: '18pt' }}>
        {b.townName}生态环境工作办公室
        <br />
        {formatChineseDate(issuedOn)}
      </p>
      {b.history ? (
        <p
          className="plain"
          style={{ fontSize: '8pt', marginTop: '18pt' }}
          data-testid="history-head"
        >
          操作记录校验：本通报生成时本机操作记录共 {b.history.seq} 条，末条校验值{' '}
          {b.history.hash.slice(0, 12)}（可在“设置 → 操作记录”中核验）。
        </p>
      ) : null}
    </article>
  );
}

function ledgerColumns(first: string) {
  return [
    { header: first, cell: (r: { label: string }) => r.label },
    {
      header: '本月发现',
      cell: (r: { found: number }) => r.found,
      align: 'num' as const,
      width: '14%',
    },
    {
      header: '本月销号',
      cell: (r: { closed: number }) => r.closed,
      align: 'num' as const,
      width: '14%',
    },
    { header: '在办', cell: (r: { open: number }) => r.open, align: 'num' as const, width: '14%' },
    {
      header: '其中逾期',
      cell: (r: { overdue: number }) => r.overdue,
      align: 'num' as const,
      width: '14%',
    },
  ];
}
