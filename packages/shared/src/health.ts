import { z } from 'zod';

/** `GET /api/health`: other systems (load balancers, monitors) rely on this exact shape. */
export const ZHealth = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;
