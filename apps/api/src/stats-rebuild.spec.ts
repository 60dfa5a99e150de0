import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config/app-config';
import { rebuildStatistics } from './stats-rebuild';

describe('stats:rebuild', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'primetrade-stats-rebuild-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has nothing to do on SQLite, whose triggers keep the counters', async () => {
    const logger = { log: jest.fn() };
    expect(await rebuildStatistics(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }), logger)).toBe(false);
    expect(logger.log).toHaveBeenCalledWith(expect.stringMatching(/nothing to rebuild/));
  });

  it('fails (exit 1 from the command) when MongoDB is configured but unreachable', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dir,
      MONGODB_URI: 'mongodb://127.0.0.1:1/x',
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '300',
    });
    await expect(rebuildStatistics(config, { log: jest.fn() })).rejects.toThrow();
  });
});
