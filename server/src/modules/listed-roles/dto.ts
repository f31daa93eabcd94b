import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { PhoneRolesRequest } from '@wfh/shared';
import { NotBlank } from '../../common/pipes/dto-decorators';

export class PhoneRolesDto implements PhoneRolesRequest {
  @ApiProperty({ description: "The one-time code from the getPhoneNumber button's event", maxLength: 128 })
  @IsString() @NotBlank() @MaxLength(128)
  code: string;
}
