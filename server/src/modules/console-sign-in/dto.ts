import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/pipes/dto-decorators';
import type { ConsolePollRequest, ConsoleSessionView, ConsoleSignInStart, ConsoleSignInState, ConsoleSignInView } from '@wfh/shared';
import { AuthTokensView } from '../auth/dto';

export class ConsolePollDto implements ConsolePollRequest {
  @ApiProperty({ description: 'The secret POST /console/sessions gave this PC', maxLength: 64 })
  @IsString() @NotBlank() @MaxLength(64)
  pollToken: string;
}

export class ConsoleSignInStartView implements ConsoleSignInStart {
  @ApiProperty({ description: 'What the QR code carries (in the confirm page address)' }) id: string;
  @ApiProperty({ description: 'Kept by the PC only: polling needs it' }) pollToken: string;
  @ApiProperty({ description: 'Scan and confirm before this' }) expiresAt: string;
  @ApiProperty({ description: 'Seconds between polls' }) pollSeconds: number;
}

/** One shape for the four answers; `expiresAt` comes with pending, `tokens` with confirmed (once). */
export class ConsolePollResultView {
  @ApiProperty({ enum: ['pending', 'confirmed', 'refused', 'expired'] }) state: 'pending' | 'confirmed' | 'refused' | 'expired';
  @ApiPropertyOptional() expiresAt?: string;
  @ApiPropertyOptional({ type: AuthTokensView, description: 'Her PC session, handed over this one time' }) tokens?: AuthTokensView;
}

export class ConsoleSignInViewDto implements ConsoleSignInView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['pending', 'confirmed', 'refused', 'expired', 'signed-in'] }) state: ConsoleSignInState;
  @ApiProperty({ example: 'Windows 电脑上的 Chrome 浏览器' }) browser: string;
  @ApiProperty() ipAddress: string;
  @ApiProperty({ description: 'The PC and this phone reach the server from the same address' }) sameNetwork: boolean;
  @ApiProperty() requestedAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'Pending, and she holds a role the console is for' }) mayConfirm: boolean;
}

export class ConsoleSessionViewDto implements ConsoleSessionView {
  @ApiProperty() id: string;
  @ApiProperty() browser: string;
  @ApiProperty() ipAddress: string;
  @ApiProperty() signedInAt: string;
  @ApiProperty({ description: 'It signs out by itself then, at the latest' }) endsAt: string;
}
