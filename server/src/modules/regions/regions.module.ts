import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';

@Module({ controllers: [RegionsController], providers: [RegionsRepository] })
export class RegionsModule {}
