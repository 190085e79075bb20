/**
 * Slot props of a TextField drawn as a native select: light to draw, chosen with the keyboard
 * by typing, and its label always shrunk (a native select always shows a value).
 */
export const NATIVE_SELECT = { select: { native: true }, inputLabel: { shrink: true } } as const;
