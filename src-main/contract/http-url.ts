import { z } from 'zod';

/** An absolute http: or https: URL, trimmed: targets, base URLs, forwarding. */
export const HttpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');
