import type { EntityId } from '@contract';

/**
 * A user or chat id given as text, in the spelling a platform would send:
 * a number when it has at most 15 digits (always exact as a JavaScript
 * number), else the text itself.
 */
export const entityIdFromText = (id: string): EntityId => (/^-?\d{1,15}$/.test(id) ? Number(id) : id);
