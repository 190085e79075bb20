import type { SaveFileResult } from '@shared/ipc/api';
import { platform } from '../../platform';
import type { SummaryParagraph } from './useSummary';

/**
 * The draft as a Word document (.docx) for the office to finish in WPS or Word: the title in
 * 黑体, headings in 黑体, body text in 仿宋 三号 with a two-character first-line indent, as
 * official summaries are set. The fonts are named, not embedded: office PCs have them.
 */
export async function summaryDocx(
  title: string,
  paragraphs: readonly SummaryParagraph[],
): Promise<Uint8Array> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const body = (text: string, heading: boolean) =>
    new Paragraph({
      spacing: { line: 560, after: 0 },
      indent: heading ? undefined : { firstLine: 640 },
      children: [
        new TextRun({
          text,
          font: heading ? '黑体' : '仿宋_GB2312',
          size: 32,
        }),
      ],
    });
  const document = new Document({
    creator: 'Eco Desk 乡镇生态环境工作台',
    title,
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: title, font: '方正小标宋简体', size: 44 })],
          }),
          ...paragraphs.map((p) => body(p.text, p.heading)),
        ],
      },
    ],
  });
  return new Uint8Array(await (await Packer.toBlob(document)).arrayBuffer());
}

/** Writes the draft as .docx and asks where to keep it. */
export async function saveSummaryDocx(
  title: string,
  paragraphs: readonly SummaryParagraph[],
): Promise<SaveFileResult> {
  return platform.saveFile({
    suggestedName: `${title}（初稿）.docx`,
    data: await summaryDocx(title, paragraphs),
    filters: [{ name: 'Word 文档', extensions: ['docx'] }],
  });
}
