import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { checkNickname, RoleKind, type MeResponse, type RoleGrantView, type SetHomeRequest, type SetNameRequest } from '@wfh/shared';
import { NotBlank, Nullable } from '../../common/pipes/dto-decorators';
import { UserProfileView } from '../auth/dto';
import { FederationDetailView } from '../federations/dto';

export class RoleGrantViewDto implements RoleGrantView {
  @ApiProperty({ enum: RoleKind, enumName: 'RoleKind' }) role: RoleKind;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
}

export class MeView implements MeResponse {
  @ApiProperty({ type: UserProfileView }) user: UserProfileView;
  @ApiProperty({ type: RoleGrantViewDto, isArray: true }) roles: RoleGrantViewDto[];
  @ApiProperty({ type: FederationDetailView, nullable: true, description: 'Her confirmed village or community body' })
  home: FederationDetailView | null;
}

export class SetHomeDto implements SetHomeRequest {
  @ApiProperty({ description: '12-digit code of her village or community', example: '211221101201' })
  @IsString() @NotBlank() @Matches(/^\d{12}$/)
  federationId: string;
}

/** A name she can be shown by (checkNickname); its Chinese message reaches her as it is. */
function IsNickname(): PropertyDecorator {
  return ValidateBy({
    name: 'nickname',
    validator: {
      validate: (value) => typeof value === 'string' && checkNickname(value).ok,
      defaultMessage: (args) => {
        const check = typeof args?.value === 'string' ? checkNickname(args.value) : null;
        return check && !check.ok ? check.message : '请填写您的称呼';
      },
    },
  });
}

export class SetNameDto implements SetNameRequest {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name others see her by, 1–20 characters once trimmed, no line breaks, not a placeholder such as 微信用户; null clears it',
    example: '王大姐',
  })
  // The rules are checkNickname's (shared, so the mini-program checks the same before sending), in
  // her words; the column's bound (20 characters of up to two UTF-16 units) stops an absurd body first.
  @Nullable() @IsString() @MaxLength(40) @IsNickname()
  name: string | null;
}
