import { computed, inject, Injectable, signal } from '@angular/core';
import type { Tokens, User } from '../api/auth.types';
import { SESSION_STORAGE } from './session-storage.token';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'primetrade.session';

/**
 * The signed-in session as signals, persisted so it survives a reload. It holds state only;
 * the calls that change it live in AuthService.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = inject(SESSION_STORAGE);
  private readonly tokens = signal<SessionTokens | null>(this.read());

  readonly user = signal<User | null>(null);
  readonly isAuthenticated = computed(() => this.tokens() !== null);
  readonly accessToken = computed(() => this.tokens()?.accessToken ?? null);
  readonly refreshToken = computed(() => this.tokens()?.refreshToken ?? null);

  start(tokens: Tokens): void {
    const value = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    this.storage.setItem(KEY, JSON.stringify(value));
    this.tokens.set(value);
  }

  clear(): void {
    this.storage.removeItem(KEY);
    this.tokens.set(null);
    this.user.set(null);
  }

  private read(): SessionTokens | null {
    try {
      const parsed = JSON.parse(this.storage.getItem(KEY) ?? 'null') as Partial<SessionTokens> | null;
      return parsed?.accessToken && parsed.refreshToken ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken } : null;
    } catch {
      return null;
    }
  }
}
