import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { connectivityInterceptor, ConnectivityService, RETRY_DELAYS_MS } from './connectivity';

describe('connectivityInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let connectivity: ConnectivityService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([connectivityInterceptor])),
        provideHttpClientTesting(),
        { provide: RETRY_DELAYS_MS, useValue: [0, 0] },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    connectivity = TestBed.inject(ConnectivityService);
  });

  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('retries a GET twice on a transient failure and succeeds', async () => {
    const seen: unknown[] = [];
    http.get('/api/v1/tasks').subscribe((body) => seen.push(body));
    backend.expectOne('/api/v1/tasks').flush(null, { status: 503, statusText: 'Unavailable' });
    await tick();
    backend.expectOne('/api/v1/tasks').error(new ProgressEvent('error'), { status: 0 });
    await tick();
    backend.expectOne('/api/v1/tasks').flush({ items: [] });
    expect(seen).toEqual([{ items: [] }]);
    expect(connectivity.offline()).toBe(false);
  });

  it('reports the API unreachable after the retries, and a retry clears it', async () => {
    const errors: unknown[] = [];
    const before = connectivity.retryTick();
    http.get('/api/v1/tasks').subscribe({ error: (e) => errors.push(e) });
    for (let i = 0; i < 3; i++) {
      backend.expectOne('/api/v1/tasks').error(new ProgressEvent('error'), { status: 0 });
      await tick();
    }
    expect(errors).toHaveLength(1);
    expect(connectivity.offline()).toBe(true);
    connectivity.retry();
    expect(connectivity.offline()).toBe(false);
    expect(connectivity.retryTick()).toBe(before + 1);
  });

  it('never retries a write or a client error', async () => {
    http.post('/api/v1/tasks', {}).subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/tasks').error(new ProgressEvent('error'), { status: 0 });
    await tick();
    backend.expectNone('/api/v1/tasks');
    http.get('/api/v1/tasks/x').subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/tasks/x').flush({}, { status: 404, statusText: 'Not Found' });
    await tick();
    backend.expectNone('/api/v1/tasks/x');
    expect(connectivity.offline()).toBe(false);
  });
});
