import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import { Alert, Box, Button, GlobalStyles, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useNotify } from '../../app/notify';
import { grantPrint } from '../../db/session';
import { platform } from '../../platform';
import { fontFamily } from '../../theme/tokens';
import { PRINT } from './strings';

/** A CSS string literal of any text (quotes and backslashes escaped, line breaks dropped). */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;

/** The page number line, as printed by Chromium's @page margin boxes. */
const PAGE_NUMBER = '"第 " counter(page) " 页 / 共 " counter(pages) " 页"';

/**
 * A printable document: A4 sheets on screen (the preview), print CSS for the printer and for
 * PDF. The page header "内部资料 · <town> · <period>" and "第 x 页 / 共 y 页" are @page margin
 * boxes, so they appear on every printed page whatever prints them (Electron's printToPDF, the
 * system print dialog, or Chromium's page.pdf in the tests). The page marks itself ready for the
 * hidden print window once its data is in and the fonts it uses (header text included) are
 * loaded: a PDF is never made with a fallback font.
 */
export function PrintLayout({
  title,
  header,
  landscape = false,
  ready,
  fileName,
  draftNote,
  children,
}: {
  /** The document's name: the window title and the default PDF file name. */
  title: string;
  /** The page header, e.g. "内部资料 · 青山镇 · 2026年10月". */
  header: string;
  landscape?: boolean;
  /** True once the data is loaded and drawn. */
  ready: boolean;
  fileName: string;
  /** Shown above the document on screen only (e.g. "草稿：内容随数据变化"). */
  draftNote?: string | undefined;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotify();

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    const root = document.documentElement;
    // The header and page numbers are drawn by the printer from the margin boxes: load their
    // glyphs explicitly, since no element of the page may use them.
    void Promise.all([
      document.fonts.load(`400 12px "Noto Sans SC"`, `${header}第页共0123456789/`),
      document.fonts.ready,
    ]).then(() => {
      if (live) root.dataset.printReady = '1';
    });
    return () => {
      live = false;
      delete root.dataset.printReady;
    };
  }, [ready, header]);

  const savePdf = async () => {
    const route = location.pathname + location.search;
    // The print window is a new window: it opens as this account (db/session.ts).
    grantPrint(route);
    const result = await platform.savePdf({
      route,
      landscape,
      suggestedName: fileName,
    });
    if (result.status === 'saved') notify.success(PRINT.saved(result.path));
    else if (result.status === 'failed') notify.error(new Error(result.message), result.message);
  };

  const margin = landscape ? '16mm 14mm 16mm 14mm' : '20mm 16mm 18mm 16mm';
  // Margin boxes are written as plain CSS: the style engine of the components does not nest
  // at-rules inside @page.
  const pageCss = `@page {
  size: A4 ${landscape ? 'landscape' : 'portrait'};
  margin: ${margin};
  @top-center { content: ${cssString(header)}; font-family: ${fontFamily}; font-size: 9pt; color: #000; }
  @bottom-center { content: ${PAGE_NUMBER}; font-family: ${fontFamily}; font-size: 9pt; color: #000; }
}`;
  return (
    <>
      <style>{pageCss}</style>
      <GlobalStyles
        styles={{
          '@media print': {
            body: { background: '#fff !important' },
            '.print-screen-only': { display: 'none !important' },
            // A notice still on screen (e.g. "已保存") must not reach the paper.
            '.MuiSnackbar-root': { display: 'none !important' },
            '.print-sheet': {
              width: 'auto !important',
              minHeight: '0 !important',
              margin: '0 !important',
              padding: '0 !important',
              boxShadow: 'none !important',
            },
          },
          '@media screen': { body: { background: '#d9dcdb' } },
        }}
      />
      <Box
        className="print-screen-only"
        sx={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          display: 'flex',
          gap: 1,
          alignItems: 'center',
          px: 2,
          py: 1,
          bgcolor: 'background.paper',
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Button startIcon={<ArrowBackIcon />} onClick={() => void navigate(-1)}>
          {PRINT.back}
        </Button>
        <Typography sx={{ flex: 1, fontWeight: 500 }} noWrap>
          {title}
        </Typography>
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          disabled={!ready}
          onClick={() => void platform.print()}
        >
          {PRINT.print}
        </Button>
        {platform.kind === 'desktop' ? (
          <Button
            variant="outlined"
            startIcon={<PictureAsPdfIcon />}
            disabled={!ready}
            onClick={() => void savePdf()}
          >
            {PRINT.savePdf}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {PRINT.webPdfHint}
          </Typography>
        )}
      </Box>
      {draftNote ? (
        <Alert
          severity="info"
          className="print-screen-only"
          sx={{ maxWidth: '210mm', mx: 'auto', mt: 2 }}
        >
          {draftNote}
        </Alert>
      ) : null}
      <Box
        className="print-sheet print-doc"
        data-testid="print-document"
        sx={{
          width: landscape ? '297mm' : '210mm',
          minHeight: landscape ? '210mm' : '297mm',
          boxSizing: 'border-box',
          padding: margin,
          mx: 'auto',
          my: 2,
          bgcolor: '#fff',
          color: '#000',
          boxShadow: 3,
          fontFamily,
          fontSize: '10.5pt',
          lineHeight: 1.6,
          '& h1': {
            fontSize: '18pt',
            fontWeight: 500,
            textAlign: 'center',
            letterSpacing: '0.05em',
            margin: '0 0 4pt',
          },
          '& .doc-subtitle': { textAlign: 'center', margin: '0 0 14pt', fontSize: '10.5pt' },
          '& h2': {
            fontSize: '13pt',
            fontWeight: 500,
            margin: '14pt 0 6pt',
            breakAfter: 'avoid',
          },
          '& h3': { fontSize: '11pt', fontWeight: 500, margin: '10pt 0 4pt', breakAfter: 'avoid' },
          '& p': { margin: '0 0 6pt', textIndent: '2em' },
          '& p.plain': { textIndent: 0 },
          '& table': {
            width: '100%',
            borderCollapse: 'collapse',
            fontSize: '9.5pt',
            margin: '4pt 0 8pt',
          },
          '& thead': { display: 'table-header-group' },
          '& tr': { breakInside: 'avoid' },
          '& tr.may-break': { breakInside: 'auto' },
          '& th, & td': {
            border: '0.75pt solid #000',
            padding: '2.5pt 4pt',
            verticalAlign: 'top',
          },
          '& th': { fontWeight: 500, background: '#eee', textAlign: 'center' },
          '& td.num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
          '& td.center': { textAlign: 'center' },
          '& td.nowrap': { whiteSpace: 'nowrap' },
          '& .figure': { breakInside: 'avoid' },
          '& .mark': { fontWeight: 500 },
        }}
      >
        {ready ? children : <Typography>{PRINT.loading}</Typography>}
      </Box>
    </>
  );
}
