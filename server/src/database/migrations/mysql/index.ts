import { Foundation1764600000000 } from './1764600000000-foundation';

/** In order; each dialect keeps its own folder because generated DDL differs between them. */
export const MYSQL_MIGRATIONS = [Foundation1764600000000];
