import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterRequestDto {
  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;
}

export class LoginRequestDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class RefreshRequestDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  refreshToken!: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header' }) accessToken!: string;
  @ApiProperty({ description: 'Single-use token to get the next pair; rotate on every use' }) refreshToken!: string;
  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ example: 2592000, description: 'Seconds until the refresh token expires' }) refreshExpiresIn!: number;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ description: 'Whether the address is confirmed (the link mailed to it was followed)' }) emailConfirmed!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ForgotPasswordRequestDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ForgotPasswordResponseDto {
  @ApiProperty({ example: 'If an account has this address, a link to reset its password is on its way (it works for 30 minutes).' })
  message!: string;
}

export class ResetPasswordRequestDto {
  @ApiProperty({ description: 'The token from the reset link', maxLength: 512 })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  token!: string;

  @ApiProperty({ example: 'a new correct horse battery', minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;
}

export class ChangePasswordRequestDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ example: 'a new correct horse battery', minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  newPassword!: string;
}

export class ConfirmEmailRequestDto {
  @ApiProperty({
    description: 'The token from the confirmation link',
    maxLength: 512,
    example: 'kq3V9cS0b8m3Qy1H0vW0b6oN0xY7aQ2Jt5RZl4uX3Ek',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  token!: string;
}

export class ChangeEmailRequestDto {
  @ApiProperty({ example: 'ada.lovelace@example.com', maxLength: 254 })
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 128, example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;
}

export class AccountMailResponseDto {
  @ApiProperty({ example: 'A confirmation link is on its way to ada@example.com (it works for 24 hours).' })
  message!: string;
}

export class DeleteAccountRequestDto {
  @ApiProperty({ description: 'Your password, to be sure it is you', maxLength: 128, example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}
