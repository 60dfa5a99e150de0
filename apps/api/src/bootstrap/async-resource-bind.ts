import { AsyncResource } from 'node:async_hooks';

/**
 * `AsyncResource#bind` as Node.js 24+ has it, on runtimes that still attach the deprecated
 * `asyncResource` accessor (DEP0172) to every bound function. Node 20 builds that accessor with
 * two `deprecate()` wrappers and a prototype change per call (nodejs/node#58218), and Fastify
 * (each request body) and Nest (each interceptor) bind per request: a quarter of a create's
 * throughput on Node 20. Same behaviour otherwise: the function runs in the resource's async
 * context with its arguments, `this` and `length`. Returns whether it was needed.
 */
export function installLeanAsyncResourceBind(): boolean {
  const probe = new AsyncResource('probe').bind(() => undefined);
  if (!Object.hasOwn(probe, 'asyncResource')) return false;
  AsyncResource.prototype.bind = function bind<Func extends (...args: never[]) => unknown>(
    this: AsyncResource,
    fn: Func,
    thisArg?: ThisParameterType<Func>,
  ): Func {
    if (typeof fn !== 'function') throw new TypeError('The "fn" argument must be of type function');
    // The bound function's own `this` is the caller's, so the resource is kept by name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const resource = this;
    const call = fn as unknown as (...args: unknown[]) => unknown;
    const bound =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]) {
            return resource.runInAsyncScope(call, this, ...args);
          }
        : resource.runInAsyncScope.bind(resource, call, thisArg);
    Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
    return bound as unknown as Func;
  };
  return true;
}
