import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig } from './app-config';
import { parseEncryptionKeys, resolveEncryptionKeys } from './encryption-keys';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };

describe('encryption keys in config', () => {
  it('production refuses to start without ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY and BLIND_INDEX_KEY', () => {
    expect(() => loadConfig(production)).toThrow(
      /ENCRYPTION_KEYS: ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY and BLIND_INDEX_KEY must be set in production/,
    );
    expect(() => loadConfig({ ...production, ENCRYPTION_KEYS: `k1:${key(1)}`, ENCRYPTION_ACTIVE_KEY: 'k1' })).toThrow(
      ConfigValidationError,
    );
  });

  it('parses id:base64 pairs and checks the active key and the sizes', () => {
    const config = loadConfig({
      ...production,
      ENCRYPTION_KEYS: `k1:${key(1)}, k2:${key(2)}`,
      ENCRYPTION_ACTIVE_KEY: 'k2',
      BLIND_INDEX_KEY: key(3),
    });
    expect(config.encryption?.activeKeyId).toBe('k2');
    expect([...config.encryption!.keys.keys()]).toEqual(['k1', 'k2']);
    expect(config.encryption!.keys.get('k1')).toEqual(Buffer.alloc(32, 1));
    expect(config.encryption!.blindIndexKey).toEqual(Buffer.alloc(32, 3));
    expect(() =>
      loadConfig({ ...production, ENCRYPTION_KEYS: `k1:${key(1)}`, ENCRYPTION_ACTIVE_KEY: 'k9', BLIND_INDEX_KEY: key(3) }),
    ).toThrow(/ENCRYPTION_ACTIVE_KEY: must be one of the ids/);
    expect(() =>
      loadConfig({ ...production, ENCRYPTION_KEYS: 'k1:c2hvcnQ=', ENCRYPTION_ACTIVE_KEY: 'k1', BLIND_INDEX_KEY: key(3) }),
    ).toThrow(/must decode to 32 bytes/);
    expect(() =>
      loadConfig({ ...production, ENCRYPTION_KEYS: `k1:${key(1)}`, ENCRYPTION_ACTIVE_KEY: 'k1', BLIND_INDEX_KEY: 'c2hvcnQ=' }),
    ).toThrow(/BLIND_INDEX_KEY: BLIND_INDEX_KEY must decode to 32 bytes/);
    expect(() => parseEncryptionKeys(`k1:${key(1)},k1:${key(2)}`)).toThrow(/given twice/);
    expect(() => parseEncryptionKeys(`bad id:${key(1)}`)).toThrow(/key id/);
    expect(() => parseEncryptionKeys('')).toThrow(/at least one/);
  });

  it('development generates a key file under DATA_DIR once, with a loud warning, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'primetrade-keys-'));
    const warn = jest.fn();
    const first = resolveEncryptionKeys(undefined, dir, { warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /^!!! ENCRYPTION_KEYS is not set: generated DEVELOPMENT encryption keys in .*\.encryption-keys\.json/,
    );
    const file = join(dir, '.encryption-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).activeKeyId).toBe(first.activeKeyId);
    const again = resolveEncryptionKeys(undefined, dir, { warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(again.keys.get(again.activeKeyId)).toEqual(first.keys.get(first.activeKeyId));
    expect(again.blindIndexKey).toEqual(first.blindIndexKey);
    rmSync(dir, { recursive: true, force: true });
  });

  it('configured keys win over the file', () => {
    const configured = { keys: new Map([['k1', Buffer.alloc(32, 1)]]), activeKeyId: 'k1', blindIndexKey: Buffer.alloc(32, 2) };
    expect(resolveEncryptionKeys(configured, '/nonexistent', { warn: jest.fn() })).toBe(configured);
  });
});
