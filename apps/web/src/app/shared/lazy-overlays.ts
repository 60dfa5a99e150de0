import { Injector } from '@angular/core';
import type { ConfirmDialogData, ConfirmDialogResult } from './confirm-dialog.component';

// Dialogs and snack bars load with their first use, not with the page that may need them: the
// overlay code is then out of the way of the first paint. Both services are root singletons,
// so the injector hands out the same instance every time.

/** Asks a yes/no question in a dialog; resolves true when confirmed. */
export async function confirm(injector: Injector, data: Omit<ConfirmDialogData, 'alternativeLabel'>): Promise<boolean> {
  return (await choose(injector, data)) === true;
}

/** As `confirm`, with a second way to go on (`alternativeLabel`): resolves to which was chosen. */
export async function choose(injector: Injector, data: ConfirmDialogData): Promise<ConfirmDialogResult> {
  const [{ MatDialog }, { ConfirmDialogComponent }] = await Promise.all([
    import('@angular/material/dialog'),
    import('./confirm-dialog.component'),
  ]);
  const ref = injector
    .get(MatDialog)
    .open<InstanceType<typeof ConfirmDialogComponent>, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, { data });
  return new Promise((resolve) => ref.afterClosed().subscribe((result) => resolve(result ?? false)));
}

/**
 * Shows a snack bar (announced to screen readers); with an action, `run` is called when it is
 * chosen. Resolves to a handle that dismisses it (a page leaving takes its snack bar along).
 */
export async function notify(
  injector: Injector,
  message: string,
  action?: { label: string; run: () => void },
  duration = 5000,
): Promise<{ dismiss: () => void }> {
  const { MatSnackBar } = await import('@angular/material/snack-bar');
  const ref = injector.get(MatSnackBar).open(message, action?.label, { duration });
  if (action) ref.onAction().subscribe(() => action.run());
  return { dismiss: () => ref.dismiss() };
}

/** Opens any dialog component lazily (the shortcuts help). */
export async function openDialog(injector: Injector, load: () => Promise<unknown>): Promise<void> {
  const [{ MatDialog }, component] = await Promise.all([import('@angular/material/dialog'), load()]);
  const dialog = injector.get(MatDialog);
  if (dialog.openDialogs.length) return;
  dialog.open(component as Parameters<typeof dialog.open>[0], { autoFocus: 'dialog' });
}
