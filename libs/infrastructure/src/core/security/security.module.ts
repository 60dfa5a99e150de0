import { type DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PasswordHasher, TokenService } from '@primetrade/domain';
import { Argon2PasswordHasher } from './argon2-password-hasher';
import { JWT_SETTINGS, type JwtSettings } from './jwt-settings';
import { JwtTokenService } from './jwt-token.service';

@Module({})
export class SecurityModule {
  static forRoot(settings: JwtSettings): DynamicModule {
    return {
      module: SecurityModule,
      imports: [JwtModule.register({})],
      providers: [
        { provide: JWT_SETTINGS, useValue: settings },
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        { provide: TokenService, useClass: JwtTokenService },
      ],
      // JwtService too: the HTTP edge's guard verifies access tokens with the same module.
      exports: [JWT_SETTINGS, PasswordHasher, TokenService, JwtModule],
    };
  }
}
