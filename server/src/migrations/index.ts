import { Migration20261124000000_foundation } from './Migration20261124000000_foundation.js';

/** Every migration, in order. Listed explicitly so the same list runs from source (tests) and from dist. */
export const migrationsList = [{ name: 'Migration20261124000000_foundation', class: Migration20261124000000_foundation }];
