import type { FastifyInstance } from 'fastify';
import { handlingRoutes } from './handling/handling.routes.js';
import { itemRoutes } from './items/items.routes.js';
import { reporterRoutes } from './reporter/reporter.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { statsRoutes } from './stats/stats.routes.js';

/**
 * The employee hotline (职工快线), in the order of an item's life: raising it (and the public
 * board), the reporter's follow-up, the handlers' work, the settings, and the numbers.
 */
export async function hotlineRoutes(app: FastifyInstance): Promise<void> {
  await app.register(itemRoutes);
  await app.register(reporterRoutes);
  await app.register(handlingRoutes);
  await app.register(settingsRoutes);
  await app.register(statsRoutes);
}
