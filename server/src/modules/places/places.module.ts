import { Global, Module } from '@nestjs/common';
import { PlacesController } from './places.controller';
import { PlacesIndex } from './places-index';
import { PlacesRepository } from './places.repository';
import { PlacesService } from './places.service';

@Global()
@Module({
  controllers: [PlacesController],
  providers: [PlacesRepository, PlacesIndex, PlacesService],
  exports: [PlacesIndex],
})
export class PlacesModule {}
