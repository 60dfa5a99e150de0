import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { applyStoredTheme } from './app/core/theme/theme';

// Before the first render, so a remembered dark theme never flashes light.
applyStoredTheme();
bootstrapApplication(AppComponent, appConfig).catch((err) => console.error(err));
