import type { SaveFileRequest, SaveFileResult, SavePdfRequest } from '@shared/ipc/api';
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

  return {
    async savePdf(request: SavePdfRequest): Promise<SaveFileResult> {
      let data: Uint8Array;
      try {
        data = await renderPdf(request.route, request.landscape);
      } catch (error) {
        log(`savePdf ${request.route}: ${String(error)}`);
        return {
          status: 'failed',
          reason: 'writeError',
          message:
            error instanceof PrintNotReadyError
              ? `打印页面在 ${Math.round(timeoutMs / 1000)} 秒内没有准备好，未生成 PDF。请关闭后重试。`
              : '生成 PDF 时出错，未保存任何文件。请重试。',
        };
      }
      return deps.saveFile({
        suggestedName: request.suggestedName,
        data,
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      });
    },
  };
}
