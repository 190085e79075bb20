export const PRINT = {
  back: '返回',
  print: '打印',
  savePdf: '存为 PDF',
  webPdfHint: '在打印对话框中选“另存为 PDF”可保存 PDF',
  loading: '正在准备……',
  saved: (path: string) => `PDF 已保存到 ${path}`,
  header: (town: string, period: string) => `内部资料 · ${town} · ${period}`,
  draftNote: '这是草稿预览：内容随数据变化。到“简报报表”中印发后，印发的通报保持印发时的内容。',
  issuedNote: (at: string, by: string) =>
    `已于 ${at} 由 ${by} 印发：以下为印发时的内容，不随数据变化。`,
  notFound: '没有找到要打印的内容。',
};

/** The full-width space of Chinese typesetting (全角空格), between parts of a line. */
export const IDEOGRAPHIC_SPACE = '\u3000';
