import { Injectable } from '@nestjs/common';
import { ancestorRegionCodes, type NearestResponse, type SearchResponse } from '@wfh/shared';
import type { NearestQueryDto, SearchQueryDto } from './dto';
import { PlacesIndex } from './places-index';
import { PlacesRepository } from './places.repository';

export const PATH_SEPARATOR = ' › ';

@Injectable()
export class PlacesService {
  constructor(
    private readonly index: PlacesIndex,
    private readonly places: PlacesRepository,
  ) {}

  nearest(query: NearestQueryDto): NearestResponse {
    return { items: this.index.nearest(query) };
  }

  /** Name search with the full path of each hit, so "新华村" in two townships can be told apart. */
  async search(query: SearchQueryDto): Promise<SearchResponse> {
    const matches = this.index.search(query.q, query.limit ?? 20);
    const pathOf = (match: (typeof matches)[number]) =>
      match.type === 'site' ? [...ancestorRegionCodes(match.federationId), match.federationId] : ancestorRegionCodes(match.id);
    const names = await this.places.regionNames([...new Set(matches.flatMap(pathOf))]);
    return {
      items: matches.map((match) => ({
        ...match,
        path: pathOf(match)
          .map((code) => names.get(code))
          .filter((name): name is string => name !== undefined)
          .join(PATH_SEPARATOR),
      })),
    };
  }
}
