import { z } from 'zod';
import type { ApiMethod, EcoDeskApi } from './api';

/** zod schemas of every IPC argument: the main process checks each call against these. */

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(20),
});

/** 200 MB: the largest file the renderer may hand to the main process in one call. */
export const MAX_IPC_FILE_BYTES = 200 * 1024 * 1024;

export const saveFileRequestSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/]/.test(name), 'no folders in the suggested name'),
  data: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'not bytes')
    .refine((d) => d.byteLength <= MAX_IPC_FILE_BYTES, 'too large'),
  filters: z.array(fileFilterSchema).max(10).optional(),
});

/** A print route of the renderer: `/print/` and a path of safe characters, with a query. */
export const PRINT_ROUTE = /^\/print\/[\w\-/%.]+(\?[\w\-=&%.]*)?$/;

export const savePdfRequestSchema = z.object({
  route: z
    .string()
    .max(2000)
    .regex(PRINT_ROUTE, 'not a print route')
    .refine((route) => !route.includes('..'), 'not a print route'),
  landscape: z.boolean(),
  suggestedName: saveFileRequestSchema.shape.suggestedName,
});

export const printPdfRequestSchema = savePdfRequestSchema.pick({ route: true, landscape: true });

export const openFileRequestSchema = z.object({
  filters: z.array(fileFilterSchema).max(10).optional(),
  maxBytes: z.number().int().positive().max(MAX_IPC_FILE_BYTES),
});

export const pickFilesRequestSchema = z.object({
  filters: z.array(fileFilterSchema).max(10).optional(),
});

/** The most files one pick may choose (a county's towns, with room). */
export const MAX_PICKED_FILES = 100;

/** The schema of each method's argument list. */
export const ARGUMENT_SCHEMAS = {
  getAppInfo: z.tuple([]),
  saveFile: z.tuple([saveFileRequestSchema]),
  openFile: z.tuple([openFileRequestSchema]),
  pickFiles: z.tuple([pickFilesRequestSchema]),
  readPickedFile: z.tuple([z.string().uuid(), z.number().int().positive().max(MAX_IPC_FILE_BYTES)]),
  printPage: z.tuple([]),
  savePdf: z.tuple([savePdfRequestSchema]),
  printPdf: z.tuple([printPdfRequestSchema]),
  getIdentity: z.tuple([]),
  writeBackup: z.tuple([
    z.enum(['daily', 'import', 'migration', 'restore', 'manual']),
    z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, 'not bytes')
      .refine((d) => d.byteLength <= MAX_IPC_FILE_BYTES, 'too large'),
  ]),
  listBackups: z.tuple([]),
  readBackup: z.tuple([z.string().min(1).max(100)]),
  listDrives: z.tuple([]),
  writeToDrive: z.tuple([
    z.object({
      drive: z.string().min(1).max(500),
      name: z.string().min(1).max(200),
      data: z
        .custom<Uint8Array>((value) => value instanceof Uint8Array, 'not bytes')
        .refine((d) => d.byteLength <= MAX_IPC_FILE_BYTES, 'too large'),
    }),
  ]),
  signManifest: z.tuple([
    z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, 'not bytes')
      .refine((d) => d.byteLength <= 16 * 1024 * 1024, 'too large'),
  ]),
} as const satisfies { [M in ApiMethod]: z.ZodType<Parameters<EcoDeskApi[M]>> };
