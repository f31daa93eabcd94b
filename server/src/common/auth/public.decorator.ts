import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'wfh:isPublic';

/** Marks a route anyone may call without signing in. Everything else requires a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
