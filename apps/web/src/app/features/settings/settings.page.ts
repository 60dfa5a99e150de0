import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The settings area: a tab per page (webhooks, preferences, calendar feed), each page its own lazy chunk. */
@Component({
  selector: 'pt-settings-page',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1 class="page-title">Settings</h1>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Settings">
        @for (tab of tabs; track tab.path) {
          <a
            mat-tab-link
            [routerLink]="tab.path"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
            [attr.data-testid]="'settings-tab-' + tab.path"
            >{{ tab.label }}</a
          >
        }
      </nav>
      <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
    </section>
  `,
  styles: `
    .page {
      max-width: 880px;
      margin: 0 auto;
      padding: 16px;
    }
    .page-title {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
    }
  `,
})
export class SettingsPage {
  protected readonly tabs = [
    { path: 'webhooks', label: 'Webhooks' },
    { path: 'preferences', label: 'Preferences' },
    { path: 'calendar', label: 'Calendar feed' },
  ];
}
