import type {
  ConfigureInboxInput,
  Forwarding,
  InboxSettings,
  ResponseRule,
  Retention,
  SecretCheck,
} from '@contract';
import { RULE_BODY_MAX, RULE_DELAY_MAX_MS } from '@contract/inbox-rules';
import { httpUrlProblem } from '../../shared/httpUrl';

/** What `inboxes.configure` changes besides naming the inbox. */
export type SettingsPatch = Omit<ConfigureInboxInput, 'inbox'>;

export type ForwardMode = 'none' | Forwarding['mode'];

/** The settings form as typed: numbers stay strings until checked; an empty one means "no limit". */
export interface SettingsForm {
  forwardMode: ForwardMode;
  forwardUrl: string;
  ruleEnabled: boolean;
  ruleStatus: string;
  ruleBody: string;
  ruleDelay: string;
  ruleFirstN: string;
  ruleRate: string;
  keepCount: string;
  keepDays: string;
  /** The bot profile whose webhook secret deliveries must carry, as a select's value; '' for none. */
  secretProfileId: string;
  rejectBadSecret: boolean;
}

export type SettingsField = Exclude<
  keyof SettingsForm,
  'forwardMode' | 'ruleEnabled' | 'secretProfileId' | 'rejectBadSecret'
>;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

/** What a new rule starts with: a failure, since that is what rules are for. */
const NEW_RULE = { status: '500', body: '', delay: '0' };

const text = (value: number | null) => (value === null ? '' : String(value));

export function settingsToForm(settings: InboxSettings): SettingsForm {
  const { forwarding, rule, retention } = settings;
  return {
    forwardMode: forwarding?.mode ?? 'none',
    forwardUrl: forwarding?.url ?? '',
    ruleEnabled: rule !== null,
    ruleStatus: rule === null ? NEW_RULE.status : String(rule.status),
    ruleBody: rule?.body ?? NEW_RULE.body,
    ruleDelay: rule === null ? NEW_RULE.delay : String(rule.delayMs),
    ruleFirstN: text(rule?.firstN ?? null),
    ruleRate: text(rule?.rate ?? null),
    keepCount: text(retention.keepCount),
    keepDays: text(retention.keepDays),
    secretProfileId: settings.secretCheck === null ? '' : String(settings.secretCheck.profileId),
    rejectBadSecret: settings.secretCheck?.reject ?? false,
  };
}

type Parsed = { ok: true; value: number | null } | { ok: false };

/** A number from a field; '' is null when `optional`, refused otherwise. */
function parseNumber(
  value: string,
  check: (n: number) => boolean,
  { optional = false, integer = false } = {},
): Parsed {
  const trimmed = value.trim();
  if (trimmed === '') return optional ? { ok: true, value: null } : { ok: false };
  const n = Number(trimmed);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || !check(n)) return { ok: false };
  return { ok: true, value: n };
}

// Objects in one fixed key order, so equal settings compare equal as JSON.
const sameForwarding = (a: Forwarding | null, b: Forwarding | null) =>
  JSON.stringify(a && [a.mode, a.url]) === JSON.stringify(b && [b.mode, b.url]);
const sameRule = (a: ResponseRule | null, b: ResponseRule | null) =>
  JSON.stringify(a && [a.status, a.body, a.delayMs, a.firstN, a.rate]) ===
  JSON.stringify(b && [b.status, b.body, b.delayMs, b.firstN, b.rate]);
const sameRetention = (a: Retention, b: Retention) =>
  a.keepCount === b.keepCount && a.keepDays === b.keepDays;
const sameSecretCheck = (a: SecretCheck | null, b: SecretCheck | null) =>
  a?.profileId === b?.profileId && a?.reject === b?.reject;

/**
 * The parts of the form that differ from `settings`, or the errors that keep
 * Save disabled. Only changed parts are sent: saving a rule again would set
 * it afresh (its "first N" and its count of answers start over).
 */
export function formToPatch(
  form: SettingsForm,
  settings: InboxSettings,
): { patch: SettingsPatch; errors: SettingsErrors; changed: boolean } {
  const errors: SettingsErrors = {};

  let forwarding: Forwarding | null = null;
  if (form.forwardMode !== 'none') {
    const problem = httpUrlProblem(form.forwardUrl, 'The forwarding URL');
    if (problem !== null) errors.forwardUrl = problem;
    forwarding = { url: form.forwardUrl.trim(), mode: form.forwardMode };
  }

  let rule: ResponseRule | null = null;
  if (form.ruleEnabled) {
    const status = parseNumber(form.ruleStatus, (n) => n >= 100 && n <= 599, { integer: true });
    if (!status.ok) errors.ruleStatus = 'The status is a code from 100 to 599.';
    if (form.ruleBody.length > RULE_BODY_MAX)
      errors.ruleBody = `The body is at most ${RULE_BODY_MAX / 1024} KiB.`;
    const delay = parseNumber(form.ruleDelay || '0', (n) => n >= 0 && n <= RULE_DELAY_MAX_MS, {
      integer: true,
    });
    if (!delay.ok) errors.ruleDelay = `The delay is whole milliseconds from 0 to ${RULE_DELAY_MAX_MS}.`;
    const firstN = parseNumber(form.ruleFirstN, (n) => n > 0, { optional: true, integer: true });
    if (!firstN.ok) errors.ruleFirstN = 'First N is a whole number above 0, or empty for all.';
    const rate = parseNumber(form.ruleRate, (n) => n >= 0 && n <= 1, { optional: true });
    if (!rate.ok)
      errors.ruleRate = 'The rate is a share from 0 to 1 (0.25 is one in four), or empty for all.';
    if (status.ok && delay.ok && firstN.ok && rate.ok) {
      rule = {
        status: status.value ?? 0,
        body: form.ruleBody,
        delayMs: delay.value ?? 0,
        firstN: firstN.value,
        rate: rate.value,
      };
    }
  }

  const keepCount = parseNumber(form.keepCount, (n) => n > 0, { optional: true, integer: true });
  if (!keepCount.ok)
    errors.keepCount = 'Keep at most a whole number above 0 of deliveries, or empty for no limit.';
  const keepDays = parseNumber(form.keepDays, (n) => n > 0, { optional: true });
  if (!keepDays.ok)
    errors.keepDays = 'Days are a number above 0 (0.5 is twelve hours), or empty for no limit.';
  const retention: Retention = {
    keepCount: keepCount.ok ? keepCount.value : null,
    keepDays: keepDays.ok ? keepDays.value : null,
  };

  const secretCheck: SecretCheck | null =
    form.secretProfileId === ''
      ? null
      : { profileId: Number(form.secretProfileId), reject: form.rejectBadSecret };

  const patch: SettingsPatch = {};
  if (!sameSecretCheck(secretCheck, settings.secretCheck)) patch.secretCheck = secretCheck;
  if (!sameForwarding(forwarding, settings.forwarding)) patch.forwarding = forwarding;
  if (!sameRule(rule, settings.rule)) patch.rule = rule;
  if (!sameRetention(retention, settings.retention)) patch.retention = retention;
  return { patch, errors, changed: Object.keys(patch).length > 0 };
}
