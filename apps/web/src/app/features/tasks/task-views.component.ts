import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** Switches between the list, board and calendar views of the tasks. */
@Component({
  selector: 'pt-task-views',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="views" aria-label="Task views">
      <a routerLink="/tasks" routerLinkActive="active" ariaCurrentWhenActive="page" [routerLinkActiveOptions]="{ exact: true }">List</a>
      <a routerLink="/tasks/board" routerLinkActive="active" ariaCurrentWhenActive="page">Board</a>
      <a routerLink="/tasks/calendar" routerLinkActive="active" ariaCurrentWhenActive="page">Calendar</a>
    </nav>
  `,
  styles: `
    .views {
      display: inline-flex;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 20px;
      overflow: hidden;
    }
    a {
      display: inline-flex;
      align-items: center;
      min-height: 40px;
      padding: 0 16px;
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      font: var(--mat-sys-label-large);
    }
    a + a {
      border-left: 1px solid var(--mat-sys-outline);
    }
    a.active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    a:hover:not(.active) {
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class TaskViewsComponent {}
