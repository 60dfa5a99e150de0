import { DatabaseUnavailableError } from '@primetrade/domain';
import type { Connection } from 'mongoose';
import { MongoHealth } from './mongo-health';

function fakeConnection(readyState: number, command: () => Promise<unknown>): Connection {
  return { readyState, db: { command } } as unknown as Connection;
}

describe('MongoHealth (readiness ping)', () => {
  it('is up when the server answers the ping', async () => {
    const command = jest.fn().mockResolvedValue({ ok: 1 });
    await expect(new MongoHealth(fakeConnection(1, command), { pingTimeoutMS: 100 }).ping()).resolves.toBeUndefined();
    expect(command).toHaveBeenCalledWith({ ping: 1 });
  });

  it('is down while disconnected, without sending anything', async () => {
    const command = jest.fn();
    await expect(new MongoHealth(fakeConnection(0, command), { pingTimeoutMS: 100 }).ping()).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
    expect(command).not.toHaveBeenCalled();
  });

  it('is down when the ping fails', async () => {
    const health = new MongoHealth(
      fakeConnection(1, () => Promise.reject(new Error('not primary'))),
      { pingTimeoutMS: 100 },
    );
    await expect(health.ping()).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('is down when the ping takes longer than its budget', async () => {
    const health = new MongoHealth(
      fakeConnection(1, () => new Promise((resolve) => setTimeout(resolve, 1_000))),
      { pingTimeoutMS: 20 },
    );
    const started = Date.now();
    await expect(health.ping()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
