import { Query } from '@nestjs/cqrs';
import type { UserPreferencesView } from '../../preferences.view';

/** The user's preferences, or the defaults when none were saved. */
export class GetPreferencesQuery extends Query<UserPreferencesView> {
  constructor(readonly userId: string) {
    super();
  }
}
