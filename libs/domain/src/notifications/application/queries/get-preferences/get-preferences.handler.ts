import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserPreferences } from '../../../model/user-preferences';
import { UserPreferencesRepository } from '../../../ports/user-preferences.repository.port';
import { toPreferencesView, type UserPreferencesView } from '../../preferences.view';
import { GetPreferencesQuery } from './get-preferences.query';

@QueryHandler(GetPreferencesQuery)
export class GetPreferencesHandler implements IQueryHandler<GetPreferencesQuery> {
  constructor(private readonly preferences: UserPreferencesRepository) {}

  async execute({ userId }: GetPreferencesQuery): Promise<UserPreferencesView> {
    return toPreferencesView((await this.preferences.find(userId)) ?? UserPreferences.defaults(userId));
  }
}
