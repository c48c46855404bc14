import { z } from 'zod';
import { ZBilingual } from './definition.js';

/** A scale an administrator uploaded (the definition format), as the administration lists it. */
export const ZScale = z.object({
  id: z.number(),
  code: z.string(),
  version: z.string(),
  name: ZBilingual,
  itemCount: z.number(),
  status: z.enum(['active', 'retired']),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  /** Stored results scored with this version (results keep their version when it is retired). */
  storedResults: z.number(),
});
export type TScale = z.infer<typeof ZScale>;
