import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { briefingTitle } from '@shared/domain/briefing';
import { formatChineseDate, toIsoDate } from '@shared/domain/dates';
import { STATUS_LABELS } from '@shared/domain/ledger';
import { periodLabel } from '@shared/domain/period';
import { announcedFlags, filterFromQuery, isLongRow, noticeBasis } from '@shared/domain/prints';
import {
  useBriefingContent,
  useExposureCandidates,
  useIssuedBriefing,
  useLedgerPrint,
  useResult,
  useRuleDocuments,
  useTown,
  useVillageReportCard,
  useVillages,
} from '../../db/hooks';
import { formatTimestamp } from '../../components/format';
import { BriefingDocument, flagText } from './BriefingDocument';
import { PrintLayout } from './PrintLayout';
import { PrintTable } from './PrintTable';
import { IDEOGRAPHIC_SPACE, PRINT } from './strings';

const today = () => toIsoDate(new Date());

/** `#/print/briefing/:month`: the month's briefing as it would be issued now (draft). */
export function BriefingDraftPrintPage() {
  const { month = '' } = useParams();
  const asOf = useMemo(() => today(), []);
  const content = useBriefingContent(month, asOf);
  const name = content ? `${content.townName}${briefingTitle(month)}` : briefingTitle(month);
  return (
    <PrintLayout
      title={`${name}（草稿）`}
      header={PRINT.header(content?.townName ?? '', periodLabel(month))}
      ready={content !== undefined}
      fileName={`${name}（草稿）.pdf`}
      draftNote={PRINT.draftNote}
    >
      {content ? (
        <BriefingDocument content={content} issuedOn={asOf} />
      ) : (
        <p className="plain">{PRINT.notFound}</p>
      )}
    </PrintLayout>
  );
}

/** `#/print/briefing/issued/:id`: an issued briefing, exactly as it was issued. */
export function IssuedBriefingPrintPage() {
  const { id = '' } = useParams();
  const briefing = useIssuedBriefing(id);
  const content = briefing?.content;
  const name = content ? `${content.townName}${briefingTitle(content.month)}` : '';
  return (
    <PrintLayout
      title={name || PRINT.notFound}
      header={PRINT.header(content?.townName ?? '', content ? periodLabel(content.month) : '')}
      ready={briefing !== undefined}
      fileName={`${name}.pdf`}
      draftNote={
        briefing?.issuedAt
          ? PRINT.issuedNote(formatTimestamp(briefing.issuedAt), briefing.issuedBy ?? '')
          : undefined
      }
    >
      {content && briefing?.issuedAt ? (
        <BriefingDocument content={content} issuedOn={toIsoDate(new Date(briefing.issuedAt))} />
      ) : (
        <p className="plain">{PRINT.notFound}</p>
      )}
    </PrintLayout>
  );
}

/** `#/print/notice/:period`: the 红黄榜 notice for posting (公示). */
export function NoticePrintPage() {
  const { period = '' } = useParams();
  const town = useTown();
  const result = useResult(period);
  const documents = useRuleDocuments();
  const { flags, withdrawn } = announcedFlags(result?.flagsAwarded ? result.rows : []);
  const label = periodLabel(period);
  const issuedOn = useMemo(() => today(), []);
  const title = `${town?.name ?? ''}${label}农村人居环境红黄榜`;
  return (
    <PrintLayout
      title={title}
      header={PRINT.header(town?.name ?? '', label)}
      ready={result !== undefined && town !== undefined && documents !== undefined}
      fileName={`${title}公示.pdf`}
    >
      {result?.flagsAwarded ? (
        <article data-testid="notice">
          <h1>{title}</h1>
          <p className="doc-subtitle">{`公${IDEOGRAPHIC_SPACE}示`}</p>
          <p>
            根据{noticeBasis(documents ?? [])}，经{label}考评，现将红黄榜结果公示如下：
          </p>
          <PrintTable
            rows={flags}
            empty="本期未授旗。"
            columns={[
              { header: '旗帜', cell: (f) => flagText(f.color), align: 'center', width: '14%' },
              { header: '村', cell: (f) => f.name, width: '18%' },
              { header: '得分', cell: (f) => f.score, align: 'num', width: '12%' },
              { header: '排名', cell: (f) => f.rank, align: 'center', width: '10%' },
              { header: '理由', cell: (f) => f.reason },
            ]}
          />
          {withdrawn.length > 0 ? (
            <p>摘旗：{withdrawn.map((w) => `${w.name}（${w.reason}）`).join('；')}。</p>
          ) : null}
          <p>公示期 5 个工作日。如有异议，请在公示期内向镇生态环境工作办公室反映。</p>
          <p className="plain" style={{ textAlign: 'right', marginTop: '24pt' }}>
            {town?.name}生态环境工作办公室
            <br />
            {formatChineseDate(issuedOn)}
          </p>
        </article>
      ) : (
        <p className="plain">{PRINT.notFound}</p>
      )}
    </PrintLayout>
  );
}

/** `#/print/ledger?f=…`: the ledger (台账) for a filter, landscape, overdue items marked. */
export function LedgerPrintPage() {
  const [search] = useSearchParams();
  const filter = useMemo(() => filterFromQuery(search.get('f')), [search]);
  const asOf = useMemo(() => today(), []);
  const town = useTown();
  const ledger = useLedgerPrint(filter, asOf);
  const title = `${town?.name ?? ''}生态环境问题整改台账`;
  const overdue = ledger?.rows.filter((r) => r.daysOverdue > 0).length ?? 0;
  return (
    <PrintLayout
      title={title}
      header={PRINT.header(town?.name ?? '', `截至${formatChineseDate(asOf)}`)}
      landscape
      ready={ledger !== undefined && town !== undefined}
      fileName={`${title}（${asOf}）.pdf`}
    >
      {ledger ? (
        <article data-testid="ledger-print">
          <h1>{title}</h1>
          <p className="doc-subtitle">
            {ledger.description}
            {IDEOGRAPHIC_SPACE}共 {ledger.rows.length} 件，其中逾期 {overdue} 件{IDEOGRAPHIC_SPACE}
            截至 {formatChineseDate(asOf)}
          </p>
          <PrintTable
            rows={ledger.rows}
            empty="没有符合条件的问题。"
            mayBreak={(r) => isLongRow(r.description, r.place, r.requirement)}
            columns={[
              { header: '序号', cell: (_r, i) => i + 1, align: 'center', width: '4%' },
              {
                header: '编号',
                cell: (r) =>
                  r.countyNumber ? (
                    <>
                      {r.number}
                      <br />
                      （上级 {r.countyNumber}）
                    </>
                  ) : (
                    r.number
                  ),
                width: '10%',
                nowrap: true,
              },
              { header: '来源', cell: (r) => r.source, width: '7%' },
              { header: '村', cell: (r) => r.village, width: '6%' },
              { header: '类别', cell: (r) => r.category, width: '6%' },
              {
                header: '问题及地点',
                cell: (r) => (
                  <>
                    {/* The place once: a patrol's finding names it in its description already. */}
                    {r.place && !r.description.includes(r.place)
                      ? `${r.description}（${r.place}）`
                      : r.description}
                    {r.requirement ? (
                      <>
                        <br />
                        整改要求：{r.requirement}
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                header: '发现日期',
                cell: (r) => r.foundOn,
                align: 'center',
                width: '8%',
                nowrap: true,
              },
              {
                header: '整改期限',
                cell: (r) => r.deadline,
                align: 'center',
                width: '8%',
                nowrap: true,
              },
              { header: '责任人', cell: (r) => r.person, width: '6%' },
              { header: '状态', cell: (r) => r.status, align: 'center', width: '6%', nowrap: true },
              {
                header: '逾期',
                cell: (r) => (r.daysOverdue > 0 ? <b>★{r.daysOverdue}天</b> : ''),
                align: 'center',
                width: '6%',
                nowrap: true,
              },
              {
                header: '督办',
                cell: (r) => (r.supervised ? '是' : ''),
                align: 'center',
                width: '4%',
                nowrap: true,
              },
            ]}
          />
          <p className="plain" style={{ fontSize: '9pt' }}>
            注：★ 为已过整改期限仍未销号的问题，数字为逾期天数（算至打印日）。
          </p>
        </article>
      ) : null}
    </PrintLayout>
  );
}

/** `#/print/village/:id/:month`: one village's report card. */
export function VillageCardPrintPage() {
  const { id = '', month = '' } = useParams();
  const asOf = useMemo(() => today(), []);
  const town = useTown();
  const card = useVillageReportCard(id, month, asOf);
  const title = card ? `${card.name}${periodLabel(month)}生态环境考评报告单` : PRINT.notFound;
  return (
    <PrintLayout
      title={title}
      header={PRINT.header(town?.name ?? '', periodLabel(month))}
      ready={card !== undefined && town !== undefined}
      fileName={`${title}.pdf`}
    >
      {card ? (
        <article data-testid="village-card">
          <h1>{title}</h1>
          <p className="doc-subtitle">
            村党支部书记：{card.secretary || '—'}
            {IDEOGRAPHIC_SPACE.repeat(2)}打印日期：{formatChineseDate(asOf)}
          </p>
          <h2>一、本月考评</h2>
          <p>
            {card.score === null
              ? `${periodLabel(month)}未参加考评。`
              : `${periodLabel(month)}得分 ${card.score} 分，在 ${card.villagesRanked} 个村中排第 ${card.rank} 名（全镇平均 ${card.average ?? '—'} 分）${
                  card.flag ? `，获${flagText(card.flag)}（${card.flagReason}）` : ''
                }。`}
          </p>
          <h3>扣分明细</h3>
          <PrintTable
            rows={card.deductions}
            empty="本月无扣分。"
            columns={[
              { header: '编号', cell: (d) => d.code, width: '10%' },
              { header: '考评内容', cell: (d) => d.title },
              { header: '处数', cell: (d) => d.count ?? '—', align: 'num', width: '10%' },
              { header: '扣分', cell: (d) => d.points, align: 'num', width: '10%' },
              { header: '说明', cell: (d) => d.note, width: '30%' },
            ]}
          />
          <h2>二、近十二个月</h2>
          <PrintTable
            rows={card.history}
            empty="暂无考评记录。"
            columns={[
              { header: '月份', cell: (h) => periodLabel(h.month) },
              { header: '得分', cell: (h) => h.score ?? '未参评', align: 'num' },
              { header: '排名', cell: (h) => h.rank ?? '—', align: 'center' },
              { header: '旗帜', cell: (h) => flagText(h.flag), align: 'center' },
            ]}
          />
          <h2>三、问题整改</h2>
          <p>
            本月新发现问题 {card.foundThisMonth} 件，销号 {card.closedThisMonth} 件；目前在办{' '}
            {card.openProblems.length} 件，其中逾期{' '}
            {card.openProblems.filter((p) => p.daysOverdue > 0).length} 件。
          </p>
          <PrintTable
            rows={card.openProblems}
            empty="无在办问题。"
            columns={[
              { header: '编号', cell: (p) => p.number, width: '18%' },
              { header: '类别', cell: (p) => p.category, width: '12%' },
              { header: '问题', cell: (p) => p.description },
              { header: '整改期限', cell: (p) => p.deadline, align: 'center', width: '13%' },
              { header: '状态', cell: (p) => p.status, align: 'center', width: '10%' },
              {
                header: '逾期',
                cell: (p) => (p.daysOverdue > 0 ? `★${p.daysOverdue} 天` : ''),
                align: 'center',
                width: '10%',
              },
            ]}
          />
        </article>
      ) : (
        <p className="plain">{PRINT.notFound}</p>
      )}
    </PrintLayout>
  );
}

/** `#/print/exposure`: the 曝光台, the items chosen for public exposure. */
export function ExposurePrintPage() {
  const town = useTown();
  const candidates = useExposureCandidates();
  const villages = useVillages(true);
  const asOf = useMemo(() => today(), []);
  const names = new Map((villages ?? []).map((v) => [v.id, v.name]));
  const exposed = (candidates ?? []).filter((p) => p.exposed);
  const title = `${town?.name ?? ''}生态环境问题曝光台`;
  return (
    <PrintLayout
      title={title}
      header={PRINT.header(town?.name ?? '', formatChineseDate(asOf))}
      ready={candidates !== undefined && town !== undefined && villages !== undefined}
      fileName={`${title}（${asOf}）.pdf`}
    >
      <article data-testid="exposure-print">
        <h1>{title}</h1>
        <p className="doc-subtitle">截至 {formatChineseDate(asOf)}</p>
        <PrintTable
          rows={exposed}
          empty="暂无曝光问题。"
          columns={[
            { header: '编号', cell: (p) => p.number, width: '16%', nowrap: true },
            {
              header: '村',
              cell: (p) => (p.villageId ? names.get(p.villageId) : ''),
              width: '10%',
            },
            { header: '类别', cell: (p) => p.category, width: '12%' },
            { header: '问题', cell: (p) => p.description },
            {
              header: '整改期限',
              cell: (p) => p.deadline,
              align: 'center',
              width: '13%',
              nowrap: true,
            },
            {
              header: '整改情况',
              cell: (p) => STATUS_LABELS[p.status],
              align: 'center',
              width: '11%',
              nowrap: true,
            },
          ]}
        />
        <p>欢迎群众监督。对曝光问题，各村须按期整改到位，镇纪委跟踪督办。</p>
      </article>
    </PrintLayout>
  );
}
