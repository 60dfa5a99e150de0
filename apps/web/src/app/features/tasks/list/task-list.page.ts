import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { Task } from '../../../core/api/task.types';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../shared/confirm-dialog.component';
import { TaskCardComponent } from './task-card.component';
import { TaskFiltersComponent } from './task-filters.component';
import { TaskListStore } from './task-list.store';

@Component({
  selector: 'pt-task-list-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TaskFiltersComponent, TaskCardComponent],
  providers: [TaskListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-list.page.html',
  styleUrl: './task-list.page.scss',
})
export class TaskListPage implements OnInit {
  protected readonly store = inject(TaskListStore);
  private readonly dialog = inject(MatDialog);

  ngOnInit(): void {
    this.store.reload();
  }

  protected confirmDelete(task: Task): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: { title: 'Delete task?', message: `“${task.title}” will be deleted for good.`, confirmLabel: 'Delete' },
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.store.remove(task));
  }
}
