import { createTestContext, type TestContext } from '@primetrade/testing';
import { UserNotFoundError } from '../../../model/identity.errors';
import { User } from '../../../model/user.entity';
import { GetMeHandler } from './get-me.handler';
import { GetMeQuery } from './get-me.query';

describe('GetMeHandler', () => {
  let ctx: TestContext;
  let handler: GetMeHandler;
  beforeEach(async () => {
    ctx = createTestContext();
    handler = new GetMeHandler(ctx.users);
    const user = User.register({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'hashed:secret', now: ctx.clock.now() });
    await ctx.users.create(user);
    await ctx.users.create(User.restore({ ...user.toProps(), id: 'u2', email: 'gone@example.com', isActive: false }));
  });

  it('returns the public view of the user, never the hash', async () => {
    const view = await handler.execute(new GetMeQuery('u1'));
    expect(view).toEqual({ id: 'u1', name: 'Ada', email: 'ada@example.com', emailConfirmed: false, createdAt: ctx.clock.now() });
  });

  it('answers not found for an unknown or deactivated user', async () => {
    await expect(handler.execute(new GetMeQuery('nobody'))).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(handler.execute(new GetMeQuery('u2'))).rejects.toBeInstanceOf(UserNotFoundError);
  });
});
