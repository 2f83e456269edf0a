// The envelope of every paginated list the API answers: one page of items and the total.
import { z } from "zod";

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
