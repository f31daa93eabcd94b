import { Global, Module } from '@nestjs/common';
import { CoverController } from './cover.controller';
import { CoverService } from './cover.service';
import { RolesRepository } from './roles.repository';

@Global()
@Module({ controllers: [CoverController], providers: [RolesRepository, CoverService], exports: [RolesRepository] })
export class RolesModule {}
