import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TestApp } from './test-app';

/**
 * Moves every account token of a purpose past its expiry, straight in the app's SQLite file: how
 * an e2e test sees a link that is 30 minutes or 24 hours old without waiting for it.
 */
export function expireAccountTokens(t: TestApp, purpose: 'password-reset' | 'email-confirmation'): number {
  const db = new Database(join(t.dataDir, 'primetrade.sqlite'));
  try {
    return db.prepare('UPDATE account_tokens SET expires_at = ? WHERE purpose = ?').run(Date.now() - 1, purpose).changes;
  } finally {
    db.close();
  }
}
