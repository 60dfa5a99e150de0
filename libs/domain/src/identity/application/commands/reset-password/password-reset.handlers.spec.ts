import { createTestContext, InMemoryAccountTokenRepository, RecordingMailer, type TestContext } from '@primetrade/testing';
import { InvalidPasswordResetTokenError } from '../../../model/identity.errors';
import { Session } from '../../../model/session.entity';
import { User } from '../../../model/user.entity';
import { RequestPasswordResetCommand } from '../request-password-reset/request-password-reset.command';
import { PASSWORD_RESET_TTL_MS, RequestPasswordResetHandler } from '../request-password-reset/request-password-reset.handler';
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordHandler } from './reset-password.handler';

const PAGE = 'https://tasks.example.com/reset-password';

describe('forgotten password', () => {
  let ctx: TestContext;
  let resets: InMemoryAccountTokenRepository;
  let mailer: RecordingMailer;
  let request: RequestPasswordResetHandler;
  let reset: ResetPasswordHandler;

  const tokenFromMail = () => new URL(/https:\/\/\S+/.exec(mailer.sent.at(-1)!.text)![0]).searchParams.get('token')!;

  beforeEach(async () => {
    ctx = createTestContext();
    resets = new InMemoryAccountTokenRepository();
    mailer = new RecordingMailer();
    request = new RequestPasswordResetHandler(ctx.users, resets, ctx.tokens, mailer, ctx.clock);
    reset = new ResetPasswordHandler(ctx.users, ctx.sessions, resets, ctx.tokens, ctx.hasher, ctx.clock);
    await ctx.users.create(
      User.register({
        id: 'u1',
        name: 'Ada <3',
        email: 'ada@example.com',
        passwordHash: await ctx.hasher.hash('old password'),
        now: ctx.clock.now(),
      }),
    );
  });

  it('mails a single-use link (text and HTML) to an existing address; the token is stored only as a hash', async () => {
    const { delivery } = await request.execute(new RequestPasswordResetCommand(' ADA@example.com ', PAGE));
    await delivery;
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'ada@example.com', subject: 'Reset your Primetrade password' });
    const token = tokenFromMail();
    expect(mailer.sent[0].html).toContain(`${PAGE}?token=${token}`);
    expect(mailer.sent[0].html).toContain('Ada &#60;3');
    expect(await resets.consume('password-reset', token, ctx.clock.now())).toBeNull(); // stored as a hash, not the token
  });

  it('says and sends nothing more for an unknown address', async () => {
    const answer = await request.execute(new RequestPasswordResetCommand('nobody@example.com', PAGE));
    await answer.delivery;
    expect(mailer.sent).toEqual([]);
  });

  it('sets the new password with the token, once, and ends every session', async () => {
    await ctx.sessions.create(
      Session.start({ id: 's1', userId: 'u1', familyId: 's1', tokenHash: 'h1', now: ctx.clock.now(), ttlMs: 3_600_000 }),
    );
    await (
      await request.execute(new RequestPasswordResetCommand('ada@example.com', PAGE))
    ).delivery;
    const token = tokenFromMail();

    await reset.execute(new ResetPasswordCommand(token, 'new password 1'));

    const ada = (await ctx.users.findById('u1'))!;
    expect(await ctx.hasher.verify(ada.passwordHash, 'new password 1')).toBe(true);
    expect((await ctx.sessions.findByTokenHash('h1'))?.stateAt(ctx.clock.now())).toBe('revoked');
    await expect(reset.execute(new ResetPasswordCommand(token, 'another one 2'))).rejects.toBeInstanceOf(InvalidPasswordResetTokenError);
  });

  it('refuses an expired or made-up token', async () => {
    await (
      await request.execute(new RequestPasswordResetCommand('ada@example.com', PAGE))
    ).delivery;
    const token = tokenFromMail();
    ctx.clock.advance(PASSWORD_RESET_TTL_MS);
    await expect(reset.execute(new ResetPasswordCommand(token, 'new password 1'))).rejects.toBeInstanceOf(InvalidPasswordResetTokenError);
    await expect(reset.execute(new ResetPasswordCommand('made-up', 'new password 1'))).rejects.toBeInstanceOf(
      InvalidPasswordResetTokenError,
    );
  });
});
