import type { FastifyInstance } from 'fastify';
import { awardRoutes } from './awards/awards.routes.js';
import { cycleRoutes } from './cycles/cycles.routes.js';
import { decisionRoutes } from './decisions/decisions.routes.js';
import { evaluationRoutes } from './evaluation/evaluation.routes.js';
import { managementRoutes } from './management/management.routes.js';
import { projectRoutes } from './projects/projects.routes.js';

/**
 * Innovation projects in political work, in the order of a cycle's life: cycles, declarations
 * and the workflow, implementation, decisions, evaluation, awards and the conference.
 */
export async function innovationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(cycleRoutes);
  await app.register(projectRoutes);
  await app.register(managementRoutes);
  await app.register(decisionRoutes);
  await app.register(evaluationRoutes);
  await app.register(awardRoutes);
}
