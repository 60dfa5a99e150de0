import { bootstrapApplication } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { applyStoredTheme } from './app/core/theme/theme';

// Before the first render, so a remembered dark theme never flashes light.
applyStoredTheme();
// Angular starts in a task of its own rather than in the one that evaluated the bundle, and the
// first navigation (withDisabledInitialNavigation in app.config.ts) in a task after the root
// component's: shorter tasks instead of one long one, so input is not blocked as long
// (Lighthouse's TBT).
setTimeout(
  () =>
    void bootstrapApplication(AppComponent, appConfig)
      .then((app) => setTimeout(() => void app.injector.get(Router).initialNavigation()))
      .catch((err) => console.error(err)),
);
