import { RESERVED_PARAM_NAMES } from '@contract/link-rules';

/** Every way a signed link can fail, named so the UI and CLI can say which check failed. */
export const LINK_CHECKS = {
  malformed: 'The link is not a signed link: its query cannot be read.',
  'non-canonical': 'A value is encoded differently from how the signer encodes it.',
  'missing-field': 'A required field (command, user or sig) is missing.',
  'duplicate-parameter': 'A parameter appears more than once.',
  'array-parameter': 'A parameter is array-valued (name[]).',
  'reserved-parameter': 'A parameter uses a reserved name.',
  'bad-signature-format': 'The signature is not in the signer’s format.',
  'unknown-key': 'The signature names a key this bot does not have (or that was retired).',
  'bad-signature': 'The signature does not match: the link was changed, or signed for another bot or user.',
  'bad-redirect': 'The redirect is not an absolute https: URL.',
  'bad-options': 'The options are not valid JSON.',
  expired: 'The link has expired.',
  'wrong-address': 'The link does not point at this inspector’s signed-link route.',
  'unknown-bot': 'There is no bot profile with the link’s bot id.',
} as const;

export type LinkCheck = keyof typeof LINK_CHECKS;

export class LinkError extends Error {
  constructor(
    readonly check: LinkCheck,
    detail?: string,
  ) {
    super(detail ? `${LINK_CHECKS[check]} (${detail})` : LINK_CHECKS[check]);
    this.name = 'LinkError';
  }
}

/** Names no param may take: they carry the link's own fields. */
export const RESERVED: ReadonlySet<string> = new Set(RESERVED_PARAM_NAMES);
