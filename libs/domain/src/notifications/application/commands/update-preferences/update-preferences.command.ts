import { Command } from '@nestjs/cqrs';
import type { PreferenceChanges } from '../../../model/user-preferences';
import type { UserPreferencesView } from '../../preferences.view';

/** Changes the given preferences (the rest keep their value); the first save starts from the defaults. */
export class UpdatePreferencesCommand extends Command<UserPreferencesView> {
  constructor(
    readonly userId: string,
    readonly changes: PreferenceChanges,
  ) {
    super();
  }
}
