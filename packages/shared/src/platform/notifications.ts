import { z } from 'zod';

/** A notice in a person's inbox: a kind and parameters, worded by the web app per language. */
export const ZNotification = z.object({
  id: z.number(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationPage = z.object({ items: z.array(ZNotification), unread: z.number() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;
