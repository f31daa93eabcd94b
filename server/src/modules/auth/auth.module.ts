import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  // WechatClient comes from the global WechatModule: one instance for sign-in, phone numbers and messages.
  providers: [AuthService, TokenService],
  // The PC console's QR sign-in (modules/console-sign-in) issues its sessions here too.
  exports: [TokenService],
})
export class AuthModule {}
