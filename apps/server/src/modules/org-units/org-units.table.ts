import { type AnyPgColumn, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, refColumn, timestamps, versionColumn } from '../../platform/db/columns.js';

/** Unit types: a setting with defaults (see DEFAULT_UNIT_TYPES), extendable by administrators. */
export const orgUnitTypes = pgTable('org_unit_types', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(100),
});

/**
 * The organisation tree. `path` is the materialized path of ids (`/1/5/23/`), indexed for
 * prefix search, so a whole subtree is one indexed `path LIKE '/1/5/%'`.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: idColumn(),
    parentId: refColumn('parent_id').references((): AnyPgColumn => orgUnits.id),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    code: text('code').notNull(),
    type: text('type')
      .notNull()
      .references(() => orgUnitTypes.code),
    sortOrder: integer('sort_order').notNull().default(0),
    namePinyin: text('name_pinyin').notNull().default(''),
    establishedOn: date('established_on', { mode: 'string' }),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex('org_units_path_idx').using('btree', t.path.op('text_pattern_ops')),
    uniqueIndex('org_units_code_idx').on(t.code),
    index('org_units_parent_idx').on(t.parentId, t.sortOrder),
  ],
);
