import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { provideApi } from '../core/api/provide-api';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { connectivityInterceptor, RETRY_DELAYS_MS } from '../core/http/connectivity';
import { SESSION_STORAGE } from '../core/auth/session-storage.token';

/** In-memory Storage so tests never share a session through jsdom's localStorage. */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

/** The app's HTTP stack (SDK + interceptors) over Angular's testing backend. */
export function provideTestApp(): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    provideHttpClient(withInterceptors([connectivityInterceptor, authInterceptor])),
    // Transient failures are not retried in unit tests (the interceptor's own spec covers it).
    { provide: RETRY_DELAYS_MS, useValue: [] },
    provideHttpClientTesting(),
    provideApi(),
    { provide: SESSION_STORAGE, useFactory: memoryStorage },
  ];
}
