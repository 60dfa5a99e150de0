import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { identityHandlers } from '@primetrade/domain';
import { AuthController } from './auth.controller';
import { JwtStrategy } from '../auth/jwt.strategy';
import { UsersController } from './users.controller';

/** Identity context at the HTTP edge: auth and the current user. */
@Module({
  imports: [PassportModule],
  controllers: [AuthController, UsersController],
  providers: [...identityHandlers, JwtStrategy],
})
export class IdentityHttpModule {}
