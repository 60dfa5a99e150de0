/**
 * The one thing the app needs from tracing at run time: flushing spans at shutdown. Kept apart
 * from ./tracing so that, with tracing off, the OpenTelemetry packages are never even loaded
 * (they add about a second to every start on a small machine).
 */
let flush: (() => Promise<void>) | undefined;

export function onTracingShutdown(handler: () => Promise<void>): void {
  flush = handler;
}

export async function shutdownTracing(): Promise<void> {
  const pending = flush;
  flush = undefined;
  await pending?.();
}
