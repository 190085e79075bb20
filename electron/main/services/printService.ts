import type {
  PrintPdfRequest,
  PrintPdfResult,
  SaveFileRequest,
  SaveFileResult,
  SavePdfRequest,
} from '@shared/ipc/api';
import { APP_ORIGIN } from '@shared/ipc/channels';

/** A hidden window showing one print route; the Electron adapter is in index.ts. */
export interface PrintWindow {
  /** Whether the page has its data and fonts and has said so (`data-print-ready`). */
  isReady(): Promise<boolean>;
  printToPdf(options: { landscape: boolean }): Promise<Uint8Array>;
  close(): void;
}

export class PrintNotReadyError extends Error {}

/**
 * Prints renderer routes to PDF: loads the route in a hidden window, waits until the page says
 * it is ready (data read, fonts loaded, charts drawn), prints it to A4 with the page's own
 * @page rules (header, page numbers, orientation), and saves it atomically where the user says.
 */
export function createPrintService(deps: {
  openWindow: (url: string) => Promise<PrintWindow>;
  saveFile: (request: SaveFileRequest) => Promise<SaveFileResult>;
  timeoutMs?: number;
  pollMs?: number;
  log?: (message: string) => void;
}) {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const pollMs = deps.pollMs ?? 100;
  const log = deps.log ?? (() => undefined);

  async function renderPdf(route: string, landscape: boolean): Promise<Uint8Array> {
    const window = await deps.openWindow(`${APP_ORIGIN}/index.html#${route}`);
    try {
      const started = Date.now();
      while (!(await window.isReady())) {
        if (Date.now() - started > timeoutMs) throw new PrintNotReadyError(route);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      return await window.printToPdf({ landscape });
    } finally {
      window.close();
    }
  }

  /** The PDF, or why there is none: the page was not ready in time, or printing failed. */
  async function attempt(request: PrintPdfRequest): Promise<Uint8Array | 'notReady' | 'error'> {
    try {
      return await renderPdf(request.route, request.landscape);
    } catch (error) {
      log(`print ${request.route}: ${String(error)}`);
      return error instanceof PrintNotReadyError ? 'notReady' : 'error';
    }
  }
  const notReady = `打印页面在 ${Math.round(timeoutMs / 1000)} 秒内没有准备好，未生成 PDF。`;

  return {
    async printPdf(request: PrintPdfRequest): Promise<PrintPdfResult> {
      const printed = await attempt(request);
      if (printed instanceof Uint8Array) return { status: 'printed', data: printed };
      return { status: 'failed', message: printed === 'notReady' ? notReady : '生成 PDF 时出错。' };
    },
    async savePdf(request: SavePdfRequest): Promise<SaveFileResult> {
      const printed = await attempt(request);
      if (!(printed instanceof Uint8Array))
        return {
          status: 'failed',
          reason: 'writeError',
          message:
            printed === 'notReady'
              ? `${notReady}请关闭后重试。`
              : '生成 PDF 时出错，未保存任何文件。请重试。',
        };
      return deps.saveFile({
        suggestedName: request.suggestedName,
        data: printed,
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      });
    },
  };
}
