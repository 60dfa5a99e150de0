import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { UserPreferences } from '../../../model/user-preferences';
import { UserPreferencesRepository } from '../../../ports/user-preferences.repository.port';
import { toPreferencesView, type UserPreferencesView } from '../../preferences.view';
import { UpdatePreferencesCommand } from './update-preferences.command';

@CommandHandler(UpdatePreferencesCommand)
export class UpdatePreferencesHandler implements ICommandHandler<UpdatePreferencesCommand> {
  constructor(
    private readonly preferences: UserPreferencesRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, changes }: UpdatePreferencesCommand): Promise<UserPreferencesView> {
    const prefs = (await this.preferences.find(userId)) ?? UserPreferences.defaults(userId);
    prefs.change(changes, this.clock.now());
    // Last write wins: a PATCH replaces the row with the merged whole (one user edits their own).
    await this.preferences.save(prefs);
    return toPreferencesView(prefs);
  }
}
