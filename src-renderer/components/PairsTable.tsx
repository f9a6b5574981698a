import { Isolated } from './Isolated';

interface PairsTableProps {
  pairs: ReadonlyArray<readonly [string, string]>;
  testId?: string;
  /** Column headings. */
  names?: readonly [string, string];
}

/** A name may repeat: each row is known by its name and which occurrence of that name it is. */
function keyedPairs(pairs: PairsTableProps['pairs']) {
  const seen = new Map<string, number>();
  return pairs.map(([name, value]) => {
    const occurrence = (seen.get(name) ?? 0) + 1;
    seen.set(name, occurrence);
    return { key: `${occurrence}:${name}`, name, value };
  });
}

/** Name/value pairs in their order, such as a link's params. */
export function PairsTable({ pairs, testId, names = ['Name', 'Value'] }: PairsTableProps) {
  return (
    <table className="data-table pairs-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{names[0]}</th>
          <th scope="col">{names[1]}</th>
        </tr>
      </thead>
      <tbody>
        {keyedPairs(pairs).map(({ key, name, value }) => (
          <tr key={key}>
            <td>
              <code>
                <Isolated text={name} />
              </code>
            </td>
            <td className="pre-wrap">
              <Isolated text={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
