import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { UserNotFoundError, WrongPasswordError } from '../../../model/identity.errors';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { SessionRepository } from '../../../ports/session.repository.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<void> {
    const user = await this.users.findById(command.userId);
    if (!user || !user.isActive) throw new UserNotFoundError();
    if (!(await this.hasher.verify(user.passwordHash, command.currentPassword))) throw new WrongPasswordError();
    const now = this.clock.now();
    user.changePassword(await this.hasher.hash(command.newPassword), now);
    await this.users.updatePassword(user);
    // Whoever else holds a session of the old password is signed out; this device stays.
    for (const session of await this.sessions.listActive(user.id, now)) {
      if (session.id !== command.currentSessionId) await this.sessions.revokeFamily(session.id, now);
    }
  }
}
