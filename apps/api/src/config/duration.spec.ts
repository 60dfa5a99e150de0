import { loadConfig } from './app-config';
import { parseDuration } from './duration';

describe('durations in config', () => {
  it('reads ms, s, m, h and d', () => {
    expect([parseDuration('250ms'), parseDuration('2s'), parseDuration('15m'), parseDuration('1h'), parseDuration('1d')]).toEqual([
      250, 2000, 900_000, 3_600_000, 86_400_000,
    ]);
  });

  it('refuses anything else', () => {
    for (const bad of ['', '2', '1.5h', '-1s', '0s', '1 hour', '1H']) expect(parseDuration(bad)).toBeUndefined();
  });

  it('defaults the scan to an hour and refuses a bad interval at boot', () => {
    expect(loadConfig({}).notifications.scanIntervalMs).toBe(3_600_000);
    expect(loadConfig({ NOTIFICATION_SCAN_INTERVAL: '2s' }).notifications.scanIntervalMs).toBe(2000);
    expect(() => loadConfig({ NOTIFICATION_SCAN_INTERVAL: 'soon' })).toThrow(/NOTIFICATION_SCAN_INTERVAL: must be a duration/);
  });
});
