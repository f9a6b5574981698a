import { statusTone } from './format';

/** The status we answered, colored by class: 2xx green, 4xx amber, 5xx red. */
export function StatusCode({ status }: { status: number }) {
  return <span className={`status status-${statusTone(status)}`}>{status}</span>;
}
