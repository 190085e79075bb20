import { useMemo } from 'react';
import {
  fillParagraph,
  segmentsText,
  SUMMARY_TEMPLATE,
  type Segment,
} from '@shared/domain/yearSummary';
import { useYearSummary } from '../../db/hooks';

export interface SummaryParagraph {
  index: number;
  heading: boolean;
  /** The generated paragraph, figures kept apart so that each can be opened. */
  segments: Segment[];
  /** The office's own text, when the paragraph was edited. */
  edited: string | null;
  /** What prints: the edited text, or the generated one. */
  text: string;
}

/** The year's draft: each paragraph generated from the records, or as the office edited it. */
export function useSummary(year: number) {
  const data = useYearSummary(year);
  return useMemo(() => {
    if (data === undefined) return undefined; // still loading
    if (data === null) return null; // no such year
    const paragraphs: SummaryParagraph[] = SUMMARY_TEMPLATE.map((p, index) => {
      const segments = fillParagraph(p.text, data.figures, data.townName, year);
      const edited = data.edited[index] ?? null;
      return {
        index,
        heading: Boolean(p.heading),
        segments,
        edited,
        text: edited ?? segmentsText(segments),
      };
    });
    return {
      townName: data.townName,
      title: `${data.townName}${year}年生态环境保护工作总结`,
      paragraphs,
      figures: [...data.figures.values()],
    };
  }, [data, year]);
}
