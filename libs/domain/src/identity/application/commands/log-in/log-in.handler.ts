import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidCredentialsError } from '../../../model/identity.errors';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { UserRepository } from '../../../ports/user.repository.port';
import type { AuthTokens } from '../../auth-tokens';
import { SessionIssuer } from '../../session-issuer';
import { LogInCommand } from './log-in.command';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  /** A real hash to verify against when the email is unknown, so both paths take as long. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: LogInCommand): Promise<AuthTokens> {
    const email = command.email.trim().toLowerCase();
    const user = await this.users.findByEmail(email);
    if (!user || !user.isActive) {
      this.decoyHash ??= this.hasher.hash('decoy-password-for-timing');
      await this.hasher.verify(await this.decoyHash, command.password);
      throw new InvalidCredentialsError();
    }
    if (!(await this.hasher.verify(user.passwordHash, command.password))) {
      throw new InvalidCredentialsError();
    }
    return this.sessions.issue(user, { userAgent: command.userAgent });
  }
}
