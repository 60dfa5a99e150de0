import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import type { AppConfig } from './app-config';

/**
 * The configured secret, or — outside production only — one generated once and kept in
 * DATA_DIR, so tokens survive restarts of a development install. Production refuses to start
 * without JWT_SECRET (enforced by loadConfig).
 */
export function resolveJwtSecret(config: AppConfig, logger: Pick<Logger, 'warn'>): string {
  if (config.jwt.secret) return config.jwt.secret;
  const file = join(config.dataDir, '.jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn(`JWT_SECRET is not set: generated a development secret in ${file}. Set JWT_SECRET in production.`);
  return secret;
}
