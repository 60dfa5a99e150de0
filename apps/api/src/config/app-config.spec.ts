import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', role: 'all', port: 3000, host: '127.0.0.1', dataDir: './data', shutdownDrainMs: 0 });
    expect(config.throttle.taskCreate).toEqual({ limit: 50, ttlMs: 15 * 60_000 });
    expect(config.jwt.accessTtlSeconds).toBe(900);
  });

  it('refuses to start in production without a JWT secret of at least 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set to at least 32 bytes in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(ConfigValidationError);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        ENCRYPTION_KEYS: `k1:${'a'.repeat(43)}=`,
        ENCRYPTION_ACTIVE_KEY: 'k1',
        BLIND_INDEX_KEY: `${'b'.repeat(43)}=`,
      }).shutdownDrainMs,
    ).toBe(5000);
  });

  it('keeps webhooks off private networks by default, https-only in production, and refuses the private-network flag there', () => {
    expect(loadConfig({}).webhooks).toMatchObject({
      allowPrivateNetworks: false,
      requireHttps: false,
      attempts: 15,
      backoffMs: 5000,
      timeoutMs: 5000,
    });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_BACKOFF: '100ms' }).webhooks).toMatchObject({
      allowPrivateNetworks: true,
      backoffMs: 100,
    });
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      ENCRYPTION_KEYS: `k1:${'a'.repeat(43)}=`,
      ENCRYPTION_ACTIVE_KEY: 'k1',
      BLIND_INDEX_KEY: `${'b'.repeat(43)}=`,
    };
    expect(loadConfig(production).webhooks.requireHttps).toBe(true);
    expect(() => loadConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_NETWORKS: must not be true in production/,
    );
  });

  it('archives completed tasks after 90 days by default, after any duration, or never with 0', () => {
    expect(loadConfig({}).archive).toEqual({ afterMs: 90 * 86_400_000 });
    expect(loadConfig({ ARCHIVE_AFTER: '30d' }).archive).toEqual({ afterMs: 30 * 86_400_000 });
    expect(loadConfig({ ARCHIVE_AFTER: '0' }).archive).toEqual({ afterMs: 0 });
    expect(() => loadConfig({ ARCHIVE_AFTER: 'soon' })).toThrow(/ARCHIVE_AFTER: must be 0 \(off\) or a duration/);
    expect(() => loadConfig({ ARCHIVE_AFTER: '-1d' })).toThrow(/ARCHIVE_AFTER/);
  });

  it('lists every invalid setting in one readable error', () => {
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', THROTTLE_ENABLED: 'maybe' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/NODE_ENV/);
      expect((error as Error).message).toMatch(/THROTTLE_ENABLED/);
    }
  });

  it('selects MongoDB with its settings only when MONGODB_URI is a MongoDB URI', () => {
    expect(loadConfig({}).mongodb).toBeUndefined();
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/pt?replicaSet=rs0' }).mongodb).toEqual({
      uri: 'mongodb://db:27017/pt?replicaSet=rs0',
      poolSize: 10,
      readPreference: 'secondaryPreferred',
      serverSelectionTimeoutMS: 5000,
      socketTimeoutMS: 45000,
      autoIndex: true,
    });
    expect(() => loadConfig({ MONGODB_URI: 'postgres://db' })).toThrow(/MONGODB_URI/);
  });

  it('takes the role from --role= over ROLE, and parses lists and flags', () => {
    expect(loadConfig({ ROLE: 'api' }, ['--role=worker']).role).toBe('worker');
    expect(() => loadConfig({}, ['--role=boss'])).toThrow(/ROLE/);
    const config = loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example', THROTTLE_ENABLED: 'false', TRUST_PROXY: '1' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.throttle.enabled).toBe(false);
    expect(config.trustProxy).toBe(true);
  });
});
