import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncResourceBind } from './async-resource-bind';

describe('installLeanAsyncResourceBind', () => {
  const original = AsyncResource.prototype.bind;
  const storage = new AsyncLocalStorage<string>();
  let installed: boolean;

  beforeAll(() => (installed = installLeanAsyncResourceBind()));
  afterAll(() => (AsyncResource.prototype.bind = original));

  it('is needed exactly where bound functions carry the deprecated accessor', () => {
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    expect(installed).toBe(
      Object.hasOwn(
        original.call(new AsyncResource('probe'), () => undefined),
        'asyncResource',
      ),
    );
    if (nodeMajor === 20) expect(installed).toBe(true);
    expect(
      Object.hasOwn(
        new AsyncResource('t').bind(() => undefined),
        'asyncResource',
      ),
    ).toBe(false);
  });

  it('runs the function in the context it was bound in, with its arguments, this and length', async () => {
    const bound = storage.run('at bind', () =>
      AsyncResource.bind(function (this: unknown, a: number, b: number) {
        return { store: storage.getStore(), self: this, sum: a + b };
      }),
    );
    expect(bound.length).toBe(2);
    const self = { name: 'caller' };
    const result = await storage.run('at call', () => new Promise((resolve) => setImmediate(() => resolve(bound.call(self, 2, 3)))));
    expect(result).toEqual({ store: 'at bind', self, sum: 5 });
  });

  it('binds thisArg when given, and passes errors through', () => {
    const target = { v: 7 };
    const resource = new AsyncResource('t');
    const bindWith = resource.bind.bind(resource) as unknown as (
      fn: (this: typeof target) => number,
      thisArg: typeof target,
    ) => () => number;
    expect(
      bindWith(function (this: typeof target) {
        return this.v;
      }, target)(),
    ).toBe(7);
    expect(() =>
      resource.bind(() => {
        throw new Error('boom');
      })(),
    ).toThrow('boom');
    expect(() => resource.bind(42 as never)).toThrow(TypeError);
  });

  it('keeps a second install a no-op', () => {
    expect(installLeanAsyncResourceBind()).toBe(false);
  });
});
