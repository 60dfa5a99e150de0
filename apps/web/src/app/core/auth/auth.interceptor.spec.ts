import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { provideApi } from '../api/provide-api';
import { authInterceptor } from './auth.interceptor';
import { SESSION_STORAGE } from './session-storage.token';
import { SessionStore } from './session.store';

const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer' as const,
  expiresIn: 900,
  refreshExpiresIn: 86400,
});

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: SessionStore;
  let router: Router;

  beforeEach(() => {
    const storage = new Map<string, string>();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideApi(),
        {
          provide: SESSION_STORAGE,
          useValue: {
            getItem: (k: string) => storage.get(k) ?? null,
            setItem: (k: string, v: string) => storage.set(k, v),
            removeItem: (k: string) => storage.delete(k),
          },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    session.start(tokens(1));
  });

  afterEach(() => backend.verify());

  it('sends the access token as a bearer header', async () => {
    const result = firstValueFrom(http.get('/api/v1/tasks'));
    const req = backend.expectOne('/api/v1/tasks');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
    req.flush({ items: [] });
    await expect(result).resolves.toEqual({ items: [] });
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const result = firstValueFrom(http.get('/api/v1/users/me'));
    backend.expectOne('/api/v1/users/me').flush({}, { status: 401, statusText: 'Unauthorized' });

    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(tokens(2));

    const retry = backend.expectOne('/api/v1/users/me');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ name: 'Ada' });
    await expect(result).resolves.toEqual({ name: 'Ada' });
    expect(session.refreshToken()).toBe('refresh-2');
  });

  it('shares one refresh between concurrent 401s (the API rotates refresh tokens)', async () => {
    const a = firstValueFrom(http.get('/api/v1/tasks'));
    const b = firstValueFrom(http.get('/api/v1/tasks/stats/overview'));
    backend.expectOne('/api/v1/tasks').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/v1/tasks/stats/overview').flush({}, { status: 401, statusText: 'Unauthorized' });

    backend.expectOne('/api/v1/auth/refresh').flush(tokens(2));
    backend.expectOne('/api/v1/tasks').flush('a');
    backend.expectOne('/api/v1/tasks/stats/overview').flush('b');
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
  });

  it('ends the session and goes to the login page when the refresh fails', async () => {
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/v1/tasks'));
    backend.expectOne('/api/v1/tasks').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/v1/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { expired: 1 } });
  });

  it('passes other errors through untouched', async () => {
    const result = firstValueFrom(http.get('/api/v1/tasks/x'));
    backend.expectOne('/api/v1/tasks/x').flush({ title: 'Not Found' }, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
  });
});
