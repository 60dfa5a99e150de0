import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withDisabledInitialNavigation, withInMemoryScrolling } from '@angular/router';
import { routes } from './app.routes';
import { provideApi } from './core/api/provide-api';
import { authInterceptor } from './core/auth/auth.interceptor';
import { connectivityInterceptor } from './core/http/connectivity';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // main.ts starts the first navigation, in a task of its own.
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withDisabledInitialNavigation(),
    ),
    provideHttpClient(withFetch(), withInterceptors([connectivityInterceptor, authInterceptor])),
    provideApi(),
    // Yields once before the root component and the first navigation: the start-up work comes in
    // two shorter tasks instead of one long one (main.ts yields before it, for the same reason).
    provideAppInitializer(() => new Promise<void>((resolve) => setTimeout(resolve))),
  ],
};
