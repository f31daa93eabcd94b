import { Global, Module } from '@nestjs/common';
import { RolesRepository } from './roles.repository';

@Global()
@Module({ providers: [RolesRepository], exports: [RolesRepository] })
export class RolesModule {}
