import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { applyStoredTheme } from './app/core/theme/theme';

// Before the first render, so a remembered dark theme never flashes light.
applyStoredTheme();
// Angular starts in a task of its own rather than in the one that evaluated the bundle: two
// shorter tasks instead of one long one, so input is not blocked as long (Lighthouse's TBT).
setTimeout(() => void bootstrapApplication(AppComponent, appConfig).catch((err) => console.error(err)));
