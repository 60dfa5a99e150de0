import { createTestContext, InMemoryAccountTokenRepository, RecordingMailer, type TestContext } from '@primetrade/testing';
import { DomainValidationError } from '../../../../shared/model/domain.errors';
import {
  EmailAlreadyConfirmedError,
  EmailAlreadyRegisteredError,
  InvalidEmailConfirmationTokenError,
  WrongPasswordError,
} from '../../../model/identity.errors';
import { User } from '../../../model/user.entity';
import { EMAIL_CONFIRMATION_TTL_MS, EmailConfirmationMailer } from '../../email-confirmation-mailer';
import { ChangeEmailCommand } from '../change-email/change-email.command';
import { ChangeEmailHandler } from '../change-email/change-email.handler';
import { SendEmailConfirmationCommand } from '../send-email-confirmation/send-email-confirmation.command';
import { SendEmailConfirmationHandler } from '../send-email-confirmation/send-email-confirmation.handler';
import { ConfirmEmailCommand } from './confirm-email.command';
import { ConfirmEmailHandler } from './confirm-email.handler';

const PAGE = 'https://tasks.example.com/confirm-email';

describe('email confirmation and change', () => {
  let ctx: TestContext;
  let tokens: InMemoryAccountTokenRepository;
  let mailer: RecordingMailer;
  let resend: SendEmailConfirmationHandler;
  let confirm: ConfirmEmailHandler;
  let change: ChangeEmailHandler;

  const tokenFrom = (to: string) =>
    new URL(/https:\/\/\S+/.exec([...mailer.sent].reverse().find((m) => m.to === to)!.text)![0]).searchParams.get('token')!;
  const addUser = async (id: string, email: string) =>
    ctx.users.create(User.register({ id, name: 'Ada', email, passwordHash: await ctx.hasher.hash('pw'), now: ctx.clock.now() }));

  beforeEach(async () => {
    ctx = createTestContext();
    tokens = new InMemoryAccountTokenRepository();
    mailer = new RecordingMailer();
    const confirmations = new EmailConfirmationMailer(tokens, ctx.tokens, mailer, ctx.clock);
    resend = new SendEmailConfirmationHandler(ctx.users, confirmations);
    confirm = new ConfirmEmailHandler(ctx.users, tokens, ctx.tokens, mailer, ctx.clock);
    change = new ChangeEmailHandler(ctx.users, ctx.hasher, confirmations, mailer, ctx.clock);
    await addUser('u1', 'ada@example.com');
  });

  it('confirms the address with the mailed link, once', async () => {
    await (
      await resend.execute(new SendEmailConfirmationCommand('u1', PAGE))
    ).delivery;
    const token = tokenFrom('ada@example.com');
    const { user } = await confirm.execute(new ConfirmEmailCommand(token));
    expect(user).toMatchObject({ email: 'ada@example.com', emailConfirmed: true });
    expect((await ctx.users.findById('u1'))?.emailConfirmedAt).toEqual(ctx.clock.now());
    await expect(confirm.execute(new ConfirmEmailCommand(token))).rejects.toBeInstanceOf(InvalidEmailConfirmationTokenError);
    await expect(resend.execute(new SendEmailConfirmationCommand('u1', PAGE))).rejects.toBeInstanceOf(EmailAlreadyConfirmedError);
  });

  it('refuses a link after 24 hours, an unknown one, and a password-reset token', async () => {
    await (
      await resend.execute(new SendEmailConfirmationCommand('u1', PAGE))
    ).delivery;
    const token = tokenFrom('ada@example.com');
    ctx.clock.advance(EMAIL_CONFIRMATION_TTL_MS);
    await expect(confirm.execute(new ConfirmEmailCommand(token))).rejects.toBeInstanceOf(InvalidEmailConfirmationTokenError);
    await expect(confirm.execute(new ConfirmEmailCommand('made-up'))).rejects.toBeInstanceOf(InvalidEmailConfirmationTokenError);
    await tokens.save(
      {
        purpose: 'password-reset',
        tokenHash: ctx.tokens.hashRefreshToken('reset'),
        userId: 'u1',
        email: null,
        expiresAt: ctx.clock.advance(60_000),
      },
      ctx.clock.now(),
    );
    await expect(confirm.execute(new ConfirmEmailCommand('reset'))).rejects.toBeInstanceOf(InvalidEmailConfirmationTokenError);
    expect((await ctx.users.findById('u1'))?.emailConfirmed).toBe(false);
  });

  it('changes the address only when the link mailed to the new one is followed, and tells the old one', async () => {
    await (
      await change.execute(new ChangeEmailCommand('u1', ' Ada.New@Example.com ', 'pw', PAGE))
    ).delivery;
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      ['ada.new@example.com', 'Confirm your new Primetrade address'],
      ['ada@example.com', 'A change of your Primetrade address was asked for'],
    ]);
    expect((await ctx.users.findById('u1'))?.email).toBe('ada@example.com'); // nothing changed yet

    const { user, delivery } = await confirm.execute(new ConfirmEmailCommand(tokenFrom('ada.new@example.com')));
    await delivery;
    expect(user).toMatchObject({ email: 'ada.new@example.com', emailConfirmed: true });
    expect((await ctx.users.findByEmail('ada.new@example.com'))?.id).toBe('u1');
    expect(await ctx.users.findByEmail('ada@example.com')).toBeNull();
    expect(mailer.sent.at(-1)).toMatchObject({ to: 'ada@example.com', subject: 'Your Primetrade address was changed' });
    expect(mailer.sent.at(-1)!.html).toContain('ada.new@example.com');
  });

  it('needs the current password, a different address and one no one else has', async () => {
    await addUser('u2', 'bob@example.com');
    await expect(change.execute(new ChangeEmailCommand('u1', 'x@example.com', 'wrong', PAGE))).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(change.execute(new ChangeEmailCommand('u1', 'ADA@example.com', 'pw', PAGE))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(change.execute(new ChangeEmailCommand('u1', 'bob@example.com', 'pw', PAGE))).rejects.toBeInstanceOf(
      EmailAlreadyRegisteredError,
    );
    expect(mailer.sent).toEqual([]);
  });

  it('refuses the change at confirmation when someone took the address meanwhile', async () => {
    await (
      await change.execute(new ChangeEmailCommand('u1', 'new@example.com', 'pw', PAGE))
    ).delivery;
    await addUser('u2', 'new@example.com');
    await expect(confirm.execute(new ConfirmEmailCommand(tokenFrom('new@example.com')))).rejects.toBeInstanceOf(
      EmailAlreadyRegisteredError,
    );
    expect((await ctx.users.findById('u1'))?.email).toBe('ada@example.com');
  });
});
