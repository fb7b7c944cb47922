import { Migration20261124000000_foundation } from './Migration20261124000000_foundation.js';
import { Migration20261124010000_tickets } from './Migration20261124010000_tickets.js';
import { Migration20261124020000_inbox_indexes } from './Migration20261124020000_inbox_indexes.js';
import { Migration20261124030000_mail_in } from './Migration20261124030000_mail_in.js';
import { Migration20261129000000_mail_out } from './Migration20261129000000_mail_out.js';
import { Migration20261129010000_auto_reply } from './Migration20261129010000_auto_reply.js';
import { Migration20261129020000_time_tracking } from './Migration20261129020000_time_tracking.js';
import { Migration20261129030000_count_index } from './Migration20261129030000_count_index.js';
import { Migration20261129040000_lz4 } from './Migration20261129040000_lz4.js';
import { Migration20261204000000_portal } from './Migration20261204000000_portal.js';
import { Migration20261204010000_widget } from './Migration20261204010000_widget.js';
import { Migration20261204020000_assigned_activity } from './Migration20261204020000_assigned_activity.js';

/** Every migration, in order. Listed explicitly so the same list runs from source (tests) and from dist. */
export const migrationsList = [
  { name: 'Migration20261124000000_foundation', class: Migration20261124000000_foundation },
  { name: 'Migration20261124010000_tickets', class: Migration20261124010000_tickets },
  { name: 'Migration20261124020000_inbox_indexes', class: Migration20261124020000_inbox_indexes },
  { name: 'Migration20261124030000_mail_in', class: Migration20261124030000_mail_in },
  { name: 'Migration20261129000000_mail_out', class: Migration20261129000000_mail_out },
  { name: 'Migration20261129010000_auto_reply', class: Migration20261129010000_auto_reply },
  { name: 'Migration20261129020000_time_tracking', class: Migration20261129020000_time_tracking },
  { name: 'Migration20261129030000_count_index', class: Migration20261129030000_count_index },
  { name: 'Migration20261129040000_lz4', class: Migration20261129040000_lz4 },
  { name: 'Migration20261204000000_portal', class: Migration20261204000000_portal },
  { name: 'Migration20261204010000_widget', class: Migration20261204010000_widget },
  { name: 'Migration20261204020000_assigned_activity', class: Migration20261204020000_assigned_activity },
];
