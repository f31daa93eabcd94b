import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString } from 'class-validator';
import {
  NOTICE_KINDS,
  NOTICE_LIMITS,
  type ManagedNotice,
  type NoticeBodyFormat,
  type NoticeInput,
  type NoticeKind,
  type NoticeLink,
  type NoticePublishInput,
  type NoticeReach,
  type NoticeReachRow,
  type NoticeState,
  type NoticeSummary,
  type NoticeView,
} from '@wfh/shared';
import { MaxChars, NotBlank, Nullable, Optional, PartialInput } from '../../common/pipes/dto-decorators';

const STATES: NoticeState[] = ['draft', 'scheduled', 'published', 'withdrawn'];
const FORMATS: NoticeBodyFormat[] = ['text', 'html'];

export class NoticeInputDto implements NoticeInput {
  @ApiProperty({ enum: NOTICE_KINDS, description: 'announcement 通知公告, policy 政策解读, review 活动回顾' })
  @IsIn([...NOTICE_KINDS], { message: '请选择类别：通知公告、政策解读或活动回顾' })
  kind: NoticeKind;

  @ApiProperty({ maxLength: NOTICE_LIMITS.title, example: '关于开展2027年春季两癌免费筛查的通知' })
  @IsString() @NotBlank() @MaxChars(NOTICE_LIMITS.title, '标题')
  title: string;

  @ApiProperty({
    maxLength: NOTICE_LIMITS.body,
    description: 'text: "# " starts a heading, "- " or "1. " a list item, a blank line a paragraph; https addresses and /packages/activities/detail?id=… become links. html: sanitised (h2 h3 p ul ol li strong em br a img)',
  })
  @IsString() @NotBlank() @MaxChars(NOTICE_LIMITS.body, '正文')
  body: string;

  @ApiPropertyOptional({ enum: FORMATS, description: 'Absent: text' })
  @Optional() @IsIn(FORMATS)
  bodyFormat?: NoticeBodyFormat;
}

export class NoticeUpdateDto extends PartialInput(NoticeInputDto) {}

export class NoticePublishDto implements NoticePublishInput {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'Absent or null: now; in the future: scheduled' })
  @Optional() @Nullable() @IsISO8601({ strict: true }, { message: '请选择定时发布的日期和时间' })
  publishAt?: string | null;
}

class NoticeLinkView implements NoticeLink {
  @ApiProperty() label: string;
  @ApiProperty() href: string;
  @ApiProperty() internal: boolean;
}

class NoticeSourceView {
  @ApiProperty() body: string;
  @ApiProperty({ enum: FORMATS }) bodyFormat: NoticeBodyFormat;
}

export class NoticeSummaryView implements NoticeSummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty() title: string;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty() publishedAt: string;
  @ApiProperty() unread: boolean;
}

export class NoticeViewDto implements NoticeView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty() title: string;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty({ description: 'Sanitised on write' }) bodyHtml: string;
  @ApiProperty({ type: NoticeLinkView, isArray: true }) links: NoticeLinkView[];
  @ApiProperty({ enum: STATES }) state: NoticeState;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: NoticeSourceView, nullable: true, description: 'Managers only' }) source: NoticeSourceView | null;
  @ApiProperty() canManage: boolean;
}

export class ManagedNoticeView implements ManagedNotice {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATES }) state: NoticeState;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Women under the body who opened it' }) opened: number;
}

class NoticeReachRowView implements NoticeReachRow {
  @ApiProperty() federationId: string;
  @ApiProperty() name: string;
  @ApiProperty() opened: number;
  @ApiProperty({ type: Number, nullable: true }) registered: number | null;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

export class NoticeReachView implements NoticeReach {
  @ApiProperty() noticeId: string;
  @ApiProperty({ type: NoticeReachRowView }) total: NoticeReachRowView;
  @ApiProperty({ type: NoticeReachRowView, isArray: true }) bodies: NoticeReachRowView[];
}
