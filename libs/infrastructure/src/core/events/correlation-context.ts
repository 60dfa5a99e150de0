import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the request being served, so events published while serving it carry
 * it across processes. Set by the HTTP edge; empty outside a request (jobs, scans).
 */
export class CorrelationContext {
  private static readonly storage = new AsyncLocalStorage<string>();

  static run<T>(correlationId: string, fn: () => T): T {
    return CorrelationContext.storage.run(correlationId, fn);
  }

  static current(): string {
    return CorrelationContext.storage.getStore() ?? '';
  }
}
