import { useParams } from 'react-router';
import { PrintLayout } from '../print/PrintLayout';
import { PRINT } from '../print/strings';
import { useSummary } from './useSummary';

/** `#/print/summary/:year`: the year-end draft on A4, as edited. */
export function SummaryPrintPage() {
  const year = Number(useParams().year);
  const summary = useSummary(year);
  return (
    <PrintLayout
      title={summary?.title ?? ''}
      header={PRINT.header(summary?.townName ?? '', `${year}年`)}
      ready={summary !== undefined}
      fileName={`${summary?.title ?? ''}（初稿）.pdf`}
    >
      {summary ? (
        <article data-testid="summary-print">
          <h1>{summary.title}</h1>
          {summary.paragraphs.map((p) =>
            p.heading ? <h2 key={p.index}>{p.text}</h2> : <p key={p.index}>{p.text}</p>,
          )}
        </article>
      ) : (
        <p className="plain">{PRINT.notFound}</p>
      )}
    </PrintLayout>
  );
}
