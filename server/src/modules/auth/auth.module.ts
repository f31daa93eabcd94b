import { Module } from '@nestjs/common';
import { WechatClient } from '../../infra/wechat/wechat.client';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, TokenService, WechatClient],
  // The PC console's QR sign-in (modules/console-sign-in) issues its sessions here too.
  exports: [TokenService],
})
export class AuthModule {}
