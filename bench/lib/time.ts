/** Clock helpers shared by the harness: one wall clock in µs so a row's TS and its receipt compare. */

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Microseconds since the epoch; below 2^53 until the year 2255, so exact as a JSON number. */
export const nowUs = (): number => Math.round((performance.timeOrigin + performance.now()) * 1000);

/** Resolves with the promise's value, or rejects once `ms` pass first. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
