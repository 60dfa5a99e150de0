import { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guards';

// Every page is a lazy chunk; the shell (toolbar + navigation) wraps the signed-in pages.
export const routes: Routes = [
  {
    path: 'login',
    canMatch: [guestGuard],
    title: 'Log in · Primetrade',
    loadComponent: () => import('./features/auth/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    canMatch: [guestGuard],
    title: 'Create account · Primetrade',
    loadComponent: () => import('./features/auth/register.page').then((m) => m.RegisterPage),
  },
  {
    path: 'forgot-password',
    canMatch: [guestGuard],
    title: 'Forgot your password · Primetrade',
    loadComponent: () => import('./features/auth/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    // No guard: the link in the mail works whether or not someone is signed in on this browser.
    path: 'reset-password',
    title: 'Choose a new password · Primetrade',
    loadComponent: () => import('./features/auth/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    // No guard: the link in the mail works whether or not someone is signed in on this browser.
    path: 'confirm-email',
    title: 'Confirm your address · Primetrade',
    loadComponent: () => import('./features/auth/confirm-email.page').then((m) => m.ConfirmEmailPage),
  },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () => import('./layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'tasks' },
      {
        path: 'account',
        title: 'Account · Primetrade',
        loadComponent: () => import('./features/account/account.page').then((m) => m.AccountPage),
      },
      {
        path: 'settings',
        title: 'Settings · Primetrade',
        loadComponent: () => import('./features/settings/settings.page').then((m) => m.SettingsPage),
        loadChildren: () => import('./features/settings/settings.routes').then((m) => m.settingsRoutes),
      },
      {
        path: 'tasks',
        title: 'Tasks · Primetrade',
        loadComponent: () => import('./features/tasks/list/task-list.page').then((m) => m.TaskListPage),
      },
      {
        path: 'tasks/board',
        title: 'Board · Primetrade',
        loadComponent: () => import('./features/tasks/board/task-board.page').then((m) => m.TaskBoardPage),
      },
      {
        path: 'tasks/calendar',
        title: 'Calendar · Primetrade',
        loadComponent: () => import('./features/tasks/calendar/task-calendar.page').then((m) => m.TaskCalendarPage),
      },
      {
        path: 'tasks/new',
        title: 'New task · Primetrade',
        loadComponent: () => import('./features/tasks/edit/task-edit.page').then((m) => m.TaskEditPage),
      },
      {
        path: 'tasks/:id/edit',
        title: 'Edit task · Primetrade',
        loadComponent: () => import('./features/tasks/edit/task-edit.page').then((m) => m.TaskEditPage),
      },
      {
        path: 'dashboard',
        title: 'Dashboard · Primetrade',
        loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
