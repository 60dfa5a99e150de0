/**
 * Runs each call and expects it to reject with `errorType` within `perCallMs` (a call that hangs
 * counts as a failure), and all of them within `totalMs`: what a store outage must look like.
 */
export async function expectEachToFailFastWith(
  calls: ReadonlyArray<() => Promise<unknown>>,
  errorType: abstract new (...args: never[]) => Error,
  perCallMs = 1_000,
  totalMs = 3_000,
): Promise<void> {
  const started = Date.now();
  for (const [i, call] of calls.entries()) {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise((resolve) => (timer = setTimeout(() => resolve('hung'), perCallMs)));
    const outcome = await Promise.race([
      call().then(
        () => 'resolved',
        (error: unknown) => error,
      ),
      hung,
    ]);
    clearTimeout(timer);
    expect([i, outcome]).toEqual([i, expect.any(errorType)]);
  }
  expect(Date.now() - started).toBeLessThan(totalMs);
}
