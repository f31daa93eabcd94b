import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { ConsoleSignInController } from './console-sign-in.controller';
import { ConsoleSignInRepository } from './console-sign-in.repository';
import { ConsoleSignInService } from './console-sign-in.service';

/** Staff at PCs sign in by scanning a code with the mini-program: no passwords (DESIGN §5). */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [ConsoleSignInController],
  providers: [ConsoleSignInRepository, ConsoleSignInService],
})
export class ConsoleSignInModule {}
