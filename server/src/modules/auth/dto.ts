import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { AuthTokens, DemoPerson, DevSignInRequest, RefreshRequest, UserProfile, WechatSignInRequest } from '@wfh/shared';
import { NotBlank } from '../../common/pipes/dto-decorators';

export class WechatSignInDto implements WechatSignInRequest {
  @ApiProperty({ description: 'The one-time code from wx.login', maxLength: 128 })
  @IsString() @NotBlank() @MaxLength(128)
  code: string;
}

export class DevSignInDto implements DevSignInRequest {
  @ApiProperty({ description: 'Key of a seeded demo person, from GET /auth/dev/people', maxLength: 32 })
  @IsString() @NotBlank() @MaxLength(32)
  personKey: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty({ maxLength: 128 })
  @IsString() @NotBlank() @MaxLength(128)
  refreshToken: string;
}

export class UserProfileView implements UserProfile {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Her listed name, else the name she set, else null (never a placeholder)' })
  displayName: string | null;
  @ApiProperty({ description: 'Her name comes from the county list and cannot be replaced by her' }) nameListed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Her confirmed village or community body' })
  homeFederationId: string | null;
  @ApiProperty({ description: 'A seeded demo person' }) isDemo: boolean;
}

export class AuthTokensView implements AuthTokens {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ type: UserProfileView }) user: UserProfileView;
}

export class DemoPersonView implements DemoPerson {
  @ApiProperty() key: string;
  @ApiProperty() displayName: string;
  @ApiProperty() description: string;
}
