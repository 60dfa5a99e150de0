import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';

/** Encryption-at-rest keys as configured (ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY, BLIND_INDEX_KEY). */
export interface EncryptionKeys {
  keys: Map<string, Buffer>;
  activeKeyId: string;
  blindIndexKey: Buffer;
}

export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
export const KEY_BYTES = 32;

/** A base64 (or base64url) value that must decode to exactly 32 bytes. */
export function decodeKey(value: string, what: string): Buffer {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new Error(`${what} must be base64`);
  const key = Buffer.from(trimmed, /[-_]/.test(trimmed) ? 'base64url' : 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${what} must decode to ${KEY_BYTES} bytes (got ${key.length})`);
  return key;
}

/** `ENCRYPTION_KEYS`: comma-separated `id:base64` pairs, for example `2026a:…,2026b:…`. */
export function parseEncryptionKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const pair of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const colon = pair.indexOf(':');
    const id = colon > 0 ? pair.slice(0, colon) : '';
    if (!KEY_ID.test(id)) throw new Error(`key id "${id}" must be 1–32 letters, digits, _ or -`);
    if (keys.has(id)) throw new Error(`key id "${id}" is given twice`);
    keys.set(id, decodeKey(pair.slice(colon + 1), `key "${id}"`));
  }
  if (keys.size === 0) throw new Error('needs at least one id:base64 key');
  return keys;
}

interface KeyFile {
  activeKeyId: string;
  keys: Record<string, string>;
  blindIndexKey: string;
}

/**
 * The configured keys, or — outside production only (loadConfig refuses production without
 * them) — keys generated once and kept in DATA_DIR/.encryption-keys.json, so a development
 * install can read its own data after a restart. Losing that file loses the encrypted data.
 */
export function resolveEncryptionKeys(
  configured: EncryptionKeys | undefined,
  dataDir: string,
  logger: Pick<Logger, 'warn'>,
): EncryptionKeys {
  if (configured) return configured;
  const file = join(dataDir, '.encryption-keys.json');
  if (existsSync(file)) return readKeyFile(file);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const activeKeyId = `dev-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
  const key = randomBytes(KEY_BYTES);
  const blindIndexKey = randomBytes(KEY_BYTES);
  const content: KeyFile = {
    activeKeyId,
    keys: { [activeKeyId]: key.toString('base64') },
    blindIndexKey: blindIndexKey.toString('base64'),
  };
  // Written aside, then linked into place: of two processes starting on one DATA_DIR (api and
  // worker) exactly one creates the file, complete, and the other reads it.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file);
    throw error;
  } finally {
    unlinkSync(temporary);
  }
  logger.warn(
    `!!! ENCRYPTION_KEYS is not set: generated DEVELOPMENT encryption keys in ${file}. Data at rest is encrypted with them; ` +
      'lose this file and the encrypted data is lost. Production refuses to start without ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY and BLIND_INDEX_KEY. !!!',
  );
  return { keys: new Map([[activeKeyId, key]]), activeKeyId, blindIndexKey };
}

function readKeyFile(file: string): EncryptionKeys {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  return {
    keys: new Map(Object.entries(stored.keys).map(([id, key]) => [id, decodeKey(key, `key "${id}" in ${file}`)])),
    activeKeyId: stored.activeKeyId,
    blindIndexKey: decodeKey(stored.blindIndexKey, `blindIndexKey in ${file}`),
  };
}
