import { z } from 'zod';

/** The input of a method that takes nothing: an empty object, and nothing else. */
export const NoInput = z.object({}).strict();
