import { Module } from '@nestjs/common';
import { identityHandlers } from '@primetrade/domain';
import { AuthController } from './auth.controller';
import { UsersController } from './users.controller';

/** Identity context at the HTTP edge: auth and the current user (bearer tokens: JwtAuthGuard). */
@Module({
  controllers: [AuthController, UsersController],
  providers: [...identityHandlers],
})
export class IdentityHttpModule {}
