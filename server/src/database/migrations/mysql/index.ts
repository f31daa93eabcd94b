import { Foundation1764600000000 } from './1764600000000-foundation';
import { Places1764700000000 } from './1764700000000-places';
import { Requests1764800000000 } from './1764800000000-requests';
import { CategorySettings1764900000000 } from './1764900000000-category-settings';
import { OnBehalfIdempotency1765000000000 } from './1765000000000-on-behalf-idempotency';
import { Activities1765100000000 } from './1765100000000-activities';
import { Voices1765200000000 } from './1765200000000-voices';
import { CountyViews1765300000000 } from './1765300000000-county-views';
import { DataProtection1765400000000 } from './1765400000000-data-protection';
import { OutboxClaims1765500000000 } from './1765500000000-outbox-claims';
import { RequestEventCounter1765600000000 } from './1765600000000-request-event-counter';
import { TokenGeneration1765700000000 } from './1765700000000-token-generation';
import { HolidayEntries1765800000000 } from './1765800000000-holiday-entries';
import { Onboarding1765900000000 } from './1765900000000-onboarding';
import { ConsoleSignIn1766100000000 } from './1766100000000-console-sign-in';
import { ConcernUpdateCounter1766200000000 } from './1766200000000-concern-update-counter';
import { RealNames1766300000000 } from './1766300000000-real-names';
import { ReferralNotes1766500000000 } from './1766500000000-referral-notes';
import { WaitingTickets1766900000000 } from './1766900000000-waiting-tickets';
import { SubscriptionGrants1767000000000 } from './1767000000000-subscription-grants';
import { Notices1767100000000 } from './1767100000000-notices';
import { StatsRollups1767200000000 } from './1767200000000-stats-rollups';
import { SmsChannel1767300000000 } from './1767300000000-sms-channel';

/** In order; each dialect keeps its own folder because generated DDL differs between them. */
export const MYSQL_MIGRATIONS = [Foundation1764600000000, Places1764700000000, Requests1764800000000, CategorySettings1764900000000, OnBehalfIdempotency1765000000000, Activities1765100000000, Voices1765200000000, CountyViews1765300000000, DataProtection1765400000000, OutboxClaims1765500000000, RequestEventCounter1765600000000, TokenGeneration1765700000000, HolidayEntries1765800000000, Onboarding1765900000000, ConsoleSignIn1766100000000, ConcernUpdateCounter1766200000000, RealNames1766300000000, ReferralNotes1766500000000, WaitingTickets1766900000000, SubscriptionGrants1767000000000, Notices1767100000000, StatsRollups1767200000000, SmsChannel1767300000000];
