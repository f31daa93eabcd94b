import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import type { Clock } from './infra/clock/clock';
import { ClockModule } from './infra/clock/clock.module';
import { ConfigModule } from './config/config.module';
import { AuthGuard } from './common/auth/auth.guard';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { createValidationPipe } from './common/pipes/validation';
import { dataSourceOptions } from './database/data-source';
import { CoordinationModule } from './infra/redis/coordination.module';
import { CryptoModule } from './infra/crypto/crypto.module';
import { WechatModule } from './infra/wechat/wechat.module';
import { ActivitiesModule } from './modules/activities/activities.module';
import { AuthModule } from './modules/auth/auth.module';
import { FederationsModule } from './modules/federations/federations.module';
import { HealthModule } from './modules/health/health.module';
import { PlacesModule } from './modules/places/places.module';
import { RegionsModule } from './modules/regions/regions.module';
import { RequestsModule } from './modules/requests/requests.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { SitesModule } from './modules/sites/sites.module';
import { RolesModule } from './modules/roles/roles.module';
import { UsersModule } from './modules/users/users.module';
import { VoicesModule } from './modules/voices/voices.module';
import { NoticesModule } from './modules/notices/notices.module';
import { AdminModule } from './modules/admin/admin.module';
import { StatsModule } from './modules/stats/stats.module';
import { AuditModule } from './modules/audit/audit.module';
import { MyDataModule } from './modules/my-data/my-data.module';
import { OnboardingModule } from './modules/onboarding/onboarding.module';
import { ConsoleSignInModule } from './modules/console-sign-in/console-sign-in.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ListedRolesModule } from './modules/listed-roles/listed-roles.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), retryAttempts: 0 }),
        // A key object, made once: given the string, jsonwebtoken re-derives the key (trying PEM first) on every verify.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) }),
        CoordinationModule,
        CryptoModule,
        WechatModule,
        RolesModule,
        HealthModule,
        AuthModule,
        UsersModule,
        FederationsModule,
        PlacesModule,
        SitesModule,
        RegionsModule,
        RequestsModule,
        NotificationsModule,
        ActivitiesModule,
        VoicesModule,
        NoticesModule,
        StatsModule,
        AdminModule,
        AuditModule,
        MyDataModule,
        OnboardingModule,
        ConsoleSignInModule,
        CalendarModule,
        ListedRolesModule,
      ],
      providers: [
        // Global guards run in this order: the rate limits need the person AuthGuard has found.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
