import { Migration20261124000000_foundation } from './Migration20261124000000_foundation.js';
import { Migration20261124010000_tickets } from './Migration20261124010000_tickets.js';

/** Every migration, in order. Listed explicitly so the same list runs from source (tests) and from dist. */
export const migrationsList = [
  { name: 'Migration20261124000000_foundation', class: Migration20261124000000_foundation },
  { name: 'Migration20261124010000_tickets', class: Migration20261124010000_tickets },
];
