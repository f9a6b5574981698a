import type { DeliveryDetail, ReplayAttempt } from '@contract';
import { DiffView } from './DiffView';
import { forDiff } from './lineDiff';
import { sentBodyText } from './sentBody';

const headerLines = (headers: ReadonlyArray<readonly [string, string]>) =>
  headers.map(([name, value]) => `${name.toLowerCase()}: ${value}`).join('\n');

const answerText = (status: number | null, body: string, error: string | null) =>
  `${status === null ? `no answer: ${error ?? 'unknown error'}` : `status ${status}`}\n\n${forDiff(body)}`;

/**
 * What changed against the original: the request the platform sent the
 * inspector against the one the replay sent, and the inspector's answer
 * against the target's. JSON is compared pretty-printed, by value.
 */
export function AttemptDiffs({ delivery, attempt }: { delivery: DeliveryDetail; attempt: ReplayAttempt }) {
  const sent = sentBodyText(delivery, attempt);
  const original = delivery.body.omitted ? null : delivery.body.text;
  return (
    <section className="compare-diffs" aria-label="Differences from the original">
      <h4>Request headers: original → sent</h4>
      {attempt.sentHeaders.length > 0 ? (
        <DiffView
          before={headerLines(delivery.headers)}
          after={headerLines(attempt.sentHeaders)}
          label="Request headers diff"
          testId="replay-diff-headers"
        />
      ) : (
        <p className="muted small">Not kept for this attempt.</p>
      )}
      <h4>Request body: original → sent</h4>
      {original === null || sent === null ? (
        <p className="muted small">Not text: no diff.</p>
      ) : (
        <DiffView
          before={forDiff(original)}
          after={forDiff(sent)}
          label="Request body diff"
          testId="replay-diff-body"
        />
      )}
      <h4>Answer: the inspector’s → the target’s</h4>
      <DiffView
        before={answerText(delivery.response.status, delivery.response.body, null)}
        after={answerText(attempt.status, attempt.responseBody, attempt.error)}
        label="Answer diff"
        testId="replay-diff-answer"
      />
    </section>
  );
}
