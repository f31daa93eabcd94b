import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { RoleKind, type MeResponse, type RoleGrantView, type SetHomeRequest } from '@wfh/shared';
import { NotBlank } from '../../common/pipes/dto-decorators';
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
