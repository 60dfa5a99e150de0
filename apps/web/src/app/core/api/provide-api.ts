import { inject, Provider } from '@angular/core';
import { ApiConfiguration } from '@primetrade/api-client';
import { API_BASE_URL } from './api-base-url.token';

/** Points the generated SDK at the configured base URL. */
export function provideApi(): Provider[] {
  return [
    {
      provide: ApiConfiguration,
      useFactory: () => {
        const config = new ApiConfiguration();
        config.rootUrl = inject(API_BASE_URL);
        return config;
      },
    },
  ];
}
