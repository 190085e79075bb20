/**
 * Times a piece of work as a User Timing measure of that name (the bench reads it through
 * `performance.getEntriesByName`). It stays in the page: nothing is sent or stored.
 */
export async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
