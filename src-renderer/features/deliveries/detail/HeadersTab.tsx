import type { DeliveryDetail } from '@contract';

export function HeadersTab({ delivery }: { delivery: DeliveryDetail }) {
  if (delivery.headers.length === 0) return <p className="note">No headers.</p>;
  return (
    <table className="headers-table" data-testid="headers-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {delivery.headers.map(([name, value], index) => (
          // Arrival order, duplicates kept: the position is the identity.
          <tr key={index}>
            <td className="header-name">{name}</td>
            <td className="header-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
