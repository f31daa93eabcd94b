import { Module } from '@nestjs/common';
import { SitesRepository } from './sites.repository';

@Module({ providers: [SitesRepository], exports: [SitesRepository] })
export class SitesModule {}
