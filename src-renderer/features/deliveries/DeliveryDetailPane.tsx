import type { DeliveryDetail } from '@contract';
import { type ReactNode, type Ref, useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { PanelBoundary } from '../../components/ErrorBoundary';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HighlightProvider } from '../../components/highlight/HighlightContext';
import { searchTerms } from '../../components/highlight/searchTerms';
import { type TabSpec, Tabs } from '../../components/Tabs';
import { useAllowed } from '../../shared/access';
import { CopyAs } from './CopyAs';
import { useDeliveries, useDeliveryDetail, useSelection } from './context';
import { DetailTitle } from './detail/DetailTitle';
import { HeadersTab } from './detail/HeadersTab';
import { InvocationJsonTab } from './detail/InvocationJsonTab';
import { InvocationTab } from './detail/InvocationTab';
import { JsonTab } from './detail/JsonTab';
import { RawBodyTab } from './detail/RawBodyTab';
import { ResponseTab } from './detail/ResponseTab';
import { SummaryTab } from './detail/SummaryTab';
import './deliveries.css';

type TabId = 'summary' | 'invocation' | 'json' | 'raw' | 'headers' | 'response' | 'replays';

const TABS: ReadonlyArray<TabSpec<TabId>> = [
  { id: 'summary', label: 'Summary' },
  { id: 'json', label: 'JSON' },
  { id: 'raw', label: 'Raw body' },
  { id: 'headers', label: 'Headers' },
  { id: 'response', label: 'Response' },
];

/** A signed-link hit also gets an Invocation tab, right after Summary. */
const INVOCATION_TABS: ReadonlyArray<TabSpec<TabId>> = [
  { id: 'summary', label: 'Summary' },
  { id: 'invocation', label: 'Invocation' },
  ...TABS.slice(1),
];

/** Last, when the app gives the pane a Replays view: what replays of this delivery got back. */
const REPLAYS_TAB: TabSpec<TabId> = { id: 'replays', label: 'Replays' };

interface DetailPaneProps {
  receiverUrl: string | null;
  /** Focused when the list hands over with Enter. */
  paneRef?: Ref<HTMLElement>;
  /** Opens Compose to answer this delivery's chat; no Reply button without it. */
  onReply?: (delivery: DeliveryDetail) => void;
  /** Opens the replay dialog for this delivery; no Replay button without it. */
  onReplay?: (delivery: DeliveryDetail) => void;
  /** The Replays tab's content (the replay feature's); no Replays tab without it. */
  renderReplays?: (delivery: DeliveryDetail) => ReactNode;
  /** More buttons in the header, from other features (deleting). */
  renderActions?: (delivery: DeliveryDetail) => ReactNode;
  /** The address that opens this delivery (the deep-link feature's), read when copied; no "Copy link" without it. */
  linkTo?: (delivery: DeliveryDetail) => string;
}

export function DeliveryDetailPane({
  receiverUrl,
  paneRef,
  onReply,
  onReplay,
  renderReplays,
  renderActions,
  linkTo,
}: DetailPaneProps) {
  const detail = useDeliveryDetail((state) => state.detail);
  const retryDetail = useDeliveryDetail((state) => state.retry);
  // Kept across deliveries: stepping through the list stays on the chosen tab.
  const [tab, setTab] = useState<TabId>('summary');

  let content: ReactNode;
  switch (detail.status) {
    case 'idle':
      content = <p className="note">Select a delivery to see its body, headers and what was answered.</p>;
      break;
    case 'loading':
      content = <p className="note">Loading #{detail.id}…</p>;
      break;
    case 'error':
      content = (
        <ErrorMessage
          message={`Delivery #${detail.id} failed to load: ${detail.error.message}`}
          onRetry={retryDetail}
        />
      );
      break;
    case 'ready':
      content = (
        <PanelBoundary name={`delivery #${detail.delivery.id}`} resetKey={detail.delivery.id}>
          <DeliveryView
            delivery={detail.delivery}
            receiverUrl={receiverUrl}
            tab={tab}
            onTabChange={setTab}
            onReply={onReply}
            onReplay={onReplay}
            renderReplays={renderReplays}
            renderActions={renderActions}
            linkTo={linkTo}
          />
        </PanelBoundary>
      );
      break;
  }

  return (
    <section
      className="detail-pane"
      data-testid="delivery-detail"
      aria-label="Delivery detail"
      tabIndex={-1}
      ref={paneRef}
    >
      {content}
    </section>
  );
}

interface DeliveryViewProps {
  delivery: DeliveryDetail;
  receiverUrl: string | null;
  tab: TabId;
  onTabChange: (tab: TabId) => void;
  onReply: ((delivery: DeliveryDetail) => void) | undefined;
  onReplay: ((delivery: DeliveryDetail) => void) | undefined;
  renderReplays: ((delivery: DeliveryDetail) => ReactNode) | undefined;
  renderActions: ((delivery: DeliveryDetail) => ReactNode) | undefined;
  linkTo: ((delivery: DeliveryDetail) => string) | undefined;
}

function DeliveryView({
  delivery,
  receiverUrl,
  tab,
  onTabChange,
  onReply,
  onReplay,
  renderReplays,
  renderActions,
  linkTo,
}: DeliveryViewProps) {
  const open = useSelection((state) => state.open);
  const query = useDeliveries((state) => state.filter.query);
  const terms = useMemo(() => searchTerms(query), [query]);
  const canReply = useAllowed('messages.send');
  const canReplay = useAllowed('replay.start');
  const { duplicateOf, invocation } = delivery;
  // The chosen tab is kept while stepping through the list; where it does not exist, Summary stands in.
  const missing =
    (tab === 'invocation' && invocation === null) || (tab === 'replays' && renderReplays === undefined);
  const shown: TabId = missing ? 'summary' : tab;
  const baseTabs = invocation === null ? TABS : INVOCATION_TABS;
  const tabs = renderReplays === undefined ? baseTabs : [...baseTabs, REPLAYS_TAB];
  return (
    <>
      <header className="detail-header">
        <DetailTitle delivery={delivery} />
        <div className="detail-actions">
          {duplicateOf !== null && (
            <button
              type="button"
              className="link-button"
              data-testid="duplicate-of-link"
              onClick={() => open(duplicateOf)}
            >
              First copy: #{duplicateOf}
            </button>
          )}
          {onReply !== undefined && (
            <button
              type="button"
              className="button"
              data-testid="reply-button"
              disabled={!canReply.allowed}
              title={canReply.reason ?? "Answer this delivery's chat with sendMessage"}
              onClick={() => onReply(delivery)}
            >
              Reply
            </button>
          )}
          {onReplay !== undefined && (
            <button
              type="button"
              className="button"
              data-testid="replay-button"
              disabled={!canReplay.allowed}
              title={canReplay.reason ?? 'Send this delivery again, to your bot or any URL'}
              onClick={() => onReplay(delivery)}
            >
              Replay
            </button>
          )}
          {linkTo !== undefined && (
            <CopyButton
              text={() => linkTo(delivery)}
              label="Copy link"
              title="Copy a link that opens this delivery (with the list’s search and filters)"
              testId="copy-delivery-link"
            />
          )}
          <CopyAs delivery={delivery} receiverUrl={receiverUrl} />
          {renderActions?.(delivery)}
        </div>
      </header>
      <Tabs tabs={tabs} active={shown} onChange={onTabChange} idPrefix="detail" />
      <div
        className="tab-panel"
        role="tabpanel"
        id="detail-panel"
        aria-labelledby={`detail-tab-${shown}`}
        data-testid={`detail-tab-${shown}`}
      >
        {/* A tab that fails leaves the header and the other tabs usable. */}
        <PanelBoundary name={`${shown} tab`} resetKey={`${delivery.id}:${shown}`}>
          {/* The list's search words, marked in the body, headers and summary too. */}
          <HighlightProvider terms={terms}>
            {shown === 'summary' && <SummaryTab delivery={delivery} />}
            {shown === 'invocation' && invocation !== null && <InvocationTab invocation={invocation} />}
            {shown === 'json' &&
              (invocation === null ? (
                <JsonTab delivery={delivery} />
              ) : (
                <InvocationJsonTab delivery={delivery} />
              ))}
            {shown === 'raw' && <RawBodyTab delivery={delivery} />}
            {shown === 'headers' && <HeadersTab delivery={delivery} />}
            {shown === 'response' && <ResponseTab delivery={delivery} />}
            {shown === 'replays' && renderReplays?.(delivery)}
          </HighlightProvider>
        </PanelBoundary>
      </div>
    </>
  );
}
