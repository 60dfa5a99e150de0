import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { createTestContext, InMemoryAccountTokenRepository, RecordingMailer, type TestContext } from '@primetrade/testing';
import { EmailAlreadyRegisteredError } from '../../../model/identity.errors';
import { UserRegistered } from '../../../model/identity.events';
import { RegisterUserCommand } from './register-user.command';
import { EmailConfirmationMailer } from '../../email-confirmation-mailer';
import { RegisterUserHandler } from './register-user.handler';

const PAGE = 'https://tasks.example.com/confirm-email';

describe('RegisterUserHandler', () => {
  let ctx: TestContext;
  let handler: RegisterUserHandler;
  let mailer: RecordingMailer;
  beforeEach(() => {
    ctx = createTestContext();
    mailer = new RecordingMailer();
    const confirmations = new EmailConfirmationMailer(new InMemoryAccountTokenRepository(), ctx.tokens, mailer, ctx.clock);
    handler = new RegisterUserHandler(ctx.users, ctx.hasher, ctx.ids, ctx.clock, ctx.events, confirmations);
  });

  it('stores the user with a hashed password and returns only the public fields', async () => {
    const { user: view } = await handler.execute(new RegisterUserCommand(' Ada ', 'Ada@Example.com', 'correct horse', PAGE));
    expect(view).toEqual({ id: 'id-0001', name: 'Ada', email: 'ada@example.com', emailConfirmed: false, createdAt: ctx.clock.now() });
    const stored = await ctx.users.findByEmail('ada@example.com');
    expect(stored?.id).toBe('id-0001');
    expect(stored?.passwordHash).toBe('hashed:correct horse');
    expect(stored?.isActive).toBe(true);
  });

  it('mails a link to confirm the address (text and HTML), and the account stays unconfirmed until it is followed', async () => {
    const { delivery } = await handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw', PAGE));
    await delivery;
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'ada@example.com', subject: 'Confirm your Primetrade address' });
    expect(mailer.sent[0].text).toMatch(new RegExp(`${PAGE}\\?token=\\S+`));
    expect(mailer.sent[0].html).toContain(`href="${PAGE}?token=`);
    expect((await ctx.users.findById('id-0001'))?.emailConfirmed).toBe(false);
  });

  it('publishes UserRegistered after saving', async () => {
    await handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw', PAGE));
    expect(ctx.events.published).toHaveLength(1);
    expect(ctx.events.published[0]).toBeInstanceOf(UserRegistered);
    expect(ctx.events.published[0]).toMatchObject({ aggregateId: 'id-0001', email: 'ada@example.com' });
  });

  it('refuses an email already registered, whatever its case, and publishes nothing for it', async () => {
    await handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw', PAGE));
    ctx.events.clear();
    await expect(handler.execute(new RegisterUserCommand('Other Ada', '  ADA@example.COM', 'pw2', PAGE))).rejects.toBeInstanceOf(
      EmailAlreadyRegisteredError,
    );
    expect(ctx.events.published).toEqual([]);
    expect((await ctx.users.findByEmail('ada@example.com'))?.name).toBe('Ada');
    expect(await ctx.users.findById('id-0002')).toBeNull();
  });

  it('lets exactly one of two simultaneous sign-ups with one email win', async () => {
    const results = await Promise.allSettled([
      handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw', PAGE)),
      handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw', PAGE)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(EmailAlreadyRegisteredError);
    expect(ctx.events.published).toHaveLength(1);
  });

  it('stores nothing when the input is invalid', async () => {
    await expect(handler.execute(new RegisterUserCommand('', 'ada@example.com', 'pw', PAGE))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(handler.execute(new RegisterUserCommand('Ada', 'not-an-email', 'pw', PAGE))).rejects.toBeInstanceOf(DomainValidationError);
    expect(ctx.store.users.size).toBe(0);
    expect(ctx.events.published).toEqual([]);
    expect(mailer.sent).toEqual([]);
  });
});
