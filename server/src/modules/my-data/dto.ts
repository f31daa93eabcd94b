import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import { CONCERN_STATUS_LABELS } from '@wfh/shared';
import type {
  DataDeletionRequest,
  DataDeletionResult,
  FeedbackKind,
  MyDataConcern,
  MyDataExport,
  MyDataFeedback,
  MyDataSignup,
  SignupKind,
  SignupState,
  ConcernStatus,
} from '@wfh/shared';
import { RequestDetailView } from '../requests/dto';
import { RoleGrantViewDto } from '../users/dto';

class MyProfileView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: she has no name' }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true }) homeFederationId: string | null;
  @ApiProperty({ type: String, nullable: true }) homeFederationName: string | null;
  @ApiProperty() createdAt: string;
}

class AttendeeView {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
}

class MyDataSignupView implements MyDataSignup {
  @ApiProperty() id: string;
  @ApiProperty() activityId: string;
  @ApiProperty() activityTitle: string;
  @ApiProperty() activityStartsAt: string;
  @ApiProperty({ enum: ['self', 'relative', 'reserved'] }) kind: SignupKind;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled'] }) state: SignupState;
  @ApiProperty({ type: AttendeeView, nullable: true }) attendee: AttendeeView | null;
  @ApiProperty({ type: String, nullable: true }) checkedInAt: string | null;
  @ApiProperty() createdAt: string;
}

class MyDataConcernView implements MyDataConcern {
  @ApiProperty() id: string;
  @ApiProperty() federationId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: Object.keys(CONCERN_STATUS_LABELS) }) status: ConcernStatus;
  @ApiProperty() showAuthorName: boolean;
  @ApiProperty() createdAt: string;
}

class MyCosignView {
  @ApiProperty() concernId: string;
  @ApiProperty() title: string;
  @ApiProperty() at: string;
}

class MyDataFeedbackView implements MyDataFeedback {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['complaint', 'suggestion'] }) kind: FeedbackKind;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ enum: ['open', 'answered'] }) status: 'open' | 'answered';
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty() createdAt: string;
}

class MyRosterView {
  @ApiProperty() federationName: string;
  @ApiProperty({ type: String, nullable: true }) memberName: string | null;
  @ApiProperty() joinedAt: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class MyDataExportView implements MyDataExport {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ type: MyProfileView }) profile: MyProfileView;
  @ApiProperty({ type: RoleGrantViewDto, isArray: true }) roles: RoleGrantViewDto[];
  @ApiProperty({ type: RequestDetailView, isArray: true }) requests: RequestDetailView[];
  @ApiProperty({ type: MyDataSignupView, isArray: true }) signups: MyDataSignupView[];
  @ApiProperty({ type: MyDataConcernView, isArray: true }) concerns: MyDataConcernView[];
  @ApiProperty({ type: MyCosignView, isArray: true }) cosigns: MyCosignView[];
  @ApiProperty({ type: MyDataFeedbackView, isArray: true }) feedback: MyDataFeedbackView[];
  @ApiProperty({ type: MyRosterView, isArray: true }) rosters: MyRosterView[];
}

export class DataDeletionDto implements DataDeletionRequest {
  @ApiProperty({ enum: [true], description: 'She confirmed on the screen that says what is deleted and what is kept' })
  @Equals(true, { message: '请先确认您已了解注销后删除和保留的内容' })
  confirm: true;
}

export class DataDeletionResultView implements DataDeletionResult {
  @ApiProperty() deletedAt: string;
  @ApiProperty() requestsAnonymised: number;
  @ApiProperty() signupsCancelled: number;
}
