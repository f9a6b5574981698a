import type { DeliveryDetail } from '@contract';
import { CopyButton } from '../../../components/CopyButton';
import { Isolated } from '../../../components/Isolated';

/**
 * Headers in arrival order, duplicates kept. A header is identified by its
 * name and which occurrence of that name it is ("the second Set-Cookie"), so
 * repeated and even identical headers still get distinct, stable keys.
 */
function keyedHeaders(headers: DeliveryDetail['headers']) {
  const seen = new Map<string, number>();
  return headers.map(([name, value]) => {
    const occurrence = (seen.get(name) ?? 0) + 1;
    seen.set(name, occurrence);
    return { key: `${occurrence}:${name}`, name, value };
  });
}

export function HeadersTab({ delivery }: { delivery: DeliveryDetail }) {
  if (delivery.headers.length === 0) return <p className="note">No headers.</p>;
  const asText = () => delivery.headers.map(([name, value]) => `${name}: ${value}`).join('\n');
  return (
    <div>
      <div className="tab-toolbar">
        <CopyButton text={asText} label="Copy headers" small testId="copy-headers" />
      </div>
      <table className="headers-table" data-testid="headers-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {keyedHeaders(delivery.headers).map(({ key, name, value }) => (
            <tr key={key}>
              <td className="header-name">
                <Isolated text={name} />
              </td>
              <td className="header-value">
                <Isolated text={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
