import { HttpErrorResponse, HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest, HttpResponse } from '@angular/common/http';
import { computed, DOCUMENT, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { Observable, retry, tap, timer } from 'rxjs';

/** Delays before each retry of a transient failure; a token so tests can make them instant. */
export const RETRY_DELAYS_MS = new InjectionToken<readonly number[]>('RETRY_DELAYS_MS', {
  providedIn: 'root',
  factory: () => [400, 1200],
});

/** Statuses worth retrying: the network (0), a gateway or a briefly unavailable server. */
export function isTransient(error: unknown): boolean {
  return error instanceof HttpErrorResponse && [0, 502, 503, 504].includes(error.status);
}

/**
 * Whether the API can be reached: the browser's online flag, corrected by what API calls saw
 * (a status 0 means nothing answered). `retryTick` changes when the user asks to retry; pages
 * reload their data resources on it.
 */
@Injectable({ providedIn: 'root' })
export class ConnectivityService {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly browserOnline = signal(this.window?.navigator.onLine ?? true);
  private readonly apiUnreachable = signal(false);
  private readonly tick = signal(0);

  readonly offline = computed(() => !this.browserOnline() || this.apiUnreachable());
  readonly retryTick = this.tick.asReadonly();

  constructor() {
    this.window?.addEventListener('online', () => {
      this.browserOnline.set(true);
      this.retry();
    });
    this.window?.addEventListener('offline', () => this.browserOnline.set(false));
  }

  reachable(): void {
    this.apiUnreachable.set(false);
  }

  unreachable(): void {
    this.apiUnreachable.set(true);
  }

  /** Asks every page to load its data again. */
  retry(): void {
    this.apiUnreachable.set(false);
    this.tick.update((n) => n + 1);
  }
}

/**
 * Retries safe requests (GET, HEAD) on transient failures with a growing delay, and tells
 * {@link ConnectivityService} whether the API answered. Writes are never retried blindly.
 */
export const connectivityInterceptor: HttpInterceptorFn = (
  req: HttpRequest<unknown>,
  next: HttpHandlerFn,
): Observable<HttpEvent<unknown>> => {
  const connectivity = inject(ConnectivityService);
  const delays = inject(RETRY_DELAYS_MS);
  const safe = req.method === 'GET' || req.method === 'HEAD';
  return next(req).pipe(
    retry({
      count: safe ? delays.length : 0,
      delay: (error: unknown, attempt: number) => {
        if (!isTransient(error)) throw error;
        return timer(delays[attempt - 1] ?? 0);
      },
    }),
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) connectivity.reachable();
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse) {
          if (error.status === 0) connectivity.unreachable();
          else connectivity.reachable();
        }
      },
    }),
  );
};
