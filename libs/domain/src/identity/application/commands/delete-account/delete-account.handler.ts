import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FileStorage } from '../../../../attachments';
import { UserNotFoundError, WrongPasswordError } from '../../../model/identity.errors';
import { AccountEraser } from '../../../ports/account-eraser.port';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { DeleteAccountCommand } from './delete-account.command';

@CommandHandler(DeleteAccountCommand)
export class DeleteAccountHandler implements ICommandHandler<DeleteAccountCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly eraser: AccountEraser,
    private readonly files: FileStorage,
  ) {}

  async execute(command: DeleteAccountCommand): Promise<void> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    if (!(await this.hasher.verify(user.passwordHash, command.password))) throw new WrongPasswordError('password');
    const { fileKeys } = await this.eraser.erase(user.id);
    // After the records: a crash here leaves files without metadata, which the orphan sweep removes.
    for (const key of fileKeys) await this.files.delete(key);
  }
}
