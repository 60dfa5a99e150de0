import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { InvalidPasswordResetTokenError } from '../../../model/identity.errors';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { AccountTokenRepository } from '../../../ports/account-token.repository.port';
import { SessionRepository } from '../../../ports/session.repository.port';
import { TokenService } from '../../../ports/token.service.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { ResetPasswordCommand } from './reset-password.command';

@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly resets: AccountTokenRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: ResetPasswordCommand): Promise<void> {
    const now = this.clock.now();
    const grant = await this.resets.consume('password-reset', this.tokens.hashRefreshToken(command.token), now);
    const user = grant ? await this.users.findById(grant.userId) : null;
    if (!user || !user.isActive) throw new InvalidPasswordResetTokenError();
    user.changePassword(await this.hasher.hash(command.newPassword), now);
    await this.users.updatePassword(user);
    // Whoever knew the old password is signed out everywhere.
    await this.sessions.revokeAllOfUser(user.id, now);
  }
}
