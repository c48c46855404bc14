import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, timestamps, tsColumn, versionColumn } from '../../platform/db/columns.js';
import { storedFiles } from '../../platform/files/files.table.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';

/**
 * A problem raised on the hotline. The reporter's identity depends on `visibility`: named
 * items keep `reporter_person_id`; confidential items keep it only encrypted (`reporter_enc`)
 * with a blind index to find "my items"; anonymous items keep nothing of the account, only the
 * hash of the secret handed to the reporter with the tracking code.
 */
export const hotlineItems = pgTable(
  'hotline_items',
  {
    id: idColumn(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    urgency: text('urgency').notNull(),
    visibility: text('visibility').notNull(),
    state: text('state').notNull(),
    closeReason: text('close_reason'),
    unitId: refColumn('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    handlingUnitId: refColumn('handling_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    reporterPersonId: refColumn('reporter_person_id').references(() => people.id),
    reporterEnc: text('reporter_enc'),
    reporterIndex: text('reporter_index'),
    secretHash: text('secret_hash'),
    publishConsent: boolean('publish_consent').notNull().default(false),
    /** When the clock started (arrival, or the last transfer). */
    clockFrom: tsColumn('clock_from').notNull().default(NOW),
    acceptDue: tsColumn('accept_due'),
    answerDue: tsColumn('answer_due'),
    calendarMissingYear: integer('calendar_missing_year'),
    pausedAt: tsColumn('paused_at'),
    acceptedAt: tsColumn('accepted_at'),
    answeredAt: tsColumn('answered_at'),
    acceptOnTime: boolean('accept_on_time'),
    answerOnTime: boolean('answer_on_time'),
    workingDays: integer('working_days'),
    overdueAt: tsColumn('overdue_at'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    reopenedAt: tsColumn('reopened_at'),
    mergedIntoId: refColumn('merged_into_id'),
    meToo: integer('me_too').notNull().default(0),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex('hotline_items_code_idx').on(t.code),
    index('hotline_items_handling_idx').on(t.handlingUnitId, t.createdAt.desc(), t.id.desc()),
    index('hotline_items_handling_state_idx').on(t.handlingUnitId, t.state, t.createdAt.desc(), t.id.desc()),
    // The newest of all (by state), with the handling unit to filter by: for subtrees that hold
    // most of the handling units, where one scan beats a top-N per unit.
    index('hotline_items_newest_idx').on(t.createdAt.desc(), t.id.desc(), t.handlingUnitId),
    index('hotline_items_state_newest_idx').on(t.state, t.createdAt.desc(), t.id.desc(), t.handlingUnitId),
    index('hotline_items_unit_state_idx').on(t.unitId, t.state, t.createdAt.desc()),
    index('hotline_items_reporter_idx').on(t.reporterPersonId),
    index('hotline_items_reporter_index_idx').on(t.reporterIndex),
    index('hotline_items_board_idx')
      .on(t.answeredAt.desc(), t.id.desc())
      .where(
        sql`${t.publishConsent} and ${t.state} in ('answered', 'confirmed', 'closed') and ${t.answeredAt} is not null`,
      ),
    index('hotline_items_overdue_idx')
      .on(t.handlingUnitId)
      .where(
        sql`${t.overdueAt} is not null and ${t.state} in ('submitted', 'accepted', 'in_progress', 'reopened')`,
      ),
  ],
);

/** Replies (shown to the reporter), internal notes (never), the reporter's words, system lines. */
export const hotlineMessages = pgTable(
  'hotline_messages',
  {
    id: idColumn(),
    itemId: refColumn('item_id')
      .notNull()
      .references(() => hotlineItems.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    /** The handler who wrote it; always null for the reporter's words. */
    authorPersonId: refColumn('author_person_id').references(() => people.id),
    authorUnitId: refColumn('author_unit_id').references(() => orgUnits.id),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [index('hotline_messages_item_idx').on(t.itemId, t.id)],
);

export const hotlinePhotos = pgTable(
  'hotline_photos',
  {
    itemId: refColumn('item_id')
      .notNull()
      .references(() => hotlineItems.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.position] })],
);

/** "Me too": one per person and item, kept as a keyed hash so it links no account to the item. */
export const hotlineMeToo = pgTable(
  'hotline_me_too',
  {
    itemId: refColumn('item_id')
      .notNull()
      .references(() => hotlineItems.id),
    voterHash: text('voter_hash').notNull(),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.voterHash] })],
);

/** Category (or any, null) × unit subtree → handling unit; the deepest matching unit wins. */
export const hotlineRoutingRules = pgTable(
  'hotline_routing_rules',
  {
    id: idColumn(),
    category: text('category'),
    unitId: refColumn('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    handlingUnitId: refColumn('handling_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    version: versionColumn(),
  },
  (t) => [uniqueIndex('hotline_routing_rules_key_idx').on(t.unitId, sql`coalesce(${t.category}, '')`)],
);

/** A unit's safety contact and its outgoing channels. */
export const hotlineUnitChannels = pgTable('hotline_unit_channels', {
  unitId: refColumn('unit_id')
    .primaryKey()
    .references(() => orgUnits.id),
  safetyContactPersonId: refColumn('safety_contact_person_id').references(() => people.id),
  email: text('email'),
  wecomWebhook: text('wecom_webhook'),
  dingtalkWebhook: text('dingtalk_webhook'),
  updatedAt: tsColumn('updated_at').notNull().default(NOW),
  version: versionColumn(),
});

/**
 * Counts per (ancestor unit, arrival month, category), kept in the transaction of every change
 * to an item, so that a subtree's statistics read a few rows instead of its items. `wd_hist`
 * counts answered items by working days taken (index 0…30; 31 = more).
 */
export const hotlineRollups = pgTable(
  'hotline_rollups',
  {
    unitId: refColumn('unit_id').notNull(),
    month: text('month').notNull(),
    category: text('category').notNull(),
    total: integer('total').notNull().default(0),
    submitted: integer('submitted').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    inProgress: integer('in_progress').notNull().default(0),
    waitingReporter: integer('waiting_reporter').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    reopened: integer('reopened').notNull().default(0),
    confirmed: integer('confirmed').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    acceptDecided: integer('accept_decided').notNull().default(0),
    acceptOnTime: integer('accept_on_time').notNull().default(0),
    answerDecided: integer('answer_decided').notNull().default(0),
    answerOnTime: integer('answer_on_time').notNull().default(0),
    wdSum: integer('wd_sum').notNull().default(0),
    wdN: integer('wd_n').notNull().default(0),
    wdHist: integer('wd_hist').array().notNull().default(sql`array_fill(0, array[32])`),
    ratedN: integer('rated_n').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    reopenedN: integer('reopened_n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month, t.category] })],
);

/**
 * Every unit that has handled an item (derived; kept by statement triggers on `hotline_items`
 * in migration 0007, so no write path can forget it). A subtree's list starts from these few
 * dozen units instead of finding them in the items' index on every request.
 */
export const hotlineHandlingUnits = pgTable('hotline_handling_units', {
  unitId: refColumn('unit_id')
    .primaryKey()
    .references(() => orgUnits.id),
});
