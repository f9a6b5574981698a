import type { Advice } from './advice';

export function AdviceList({ advice }: { advice: readonly Advice[] }) {
  if (advice.length === 0) return null;
  return (
    <section className="advice" aria-label="Troubleshooting">
      <h3>What to check</h3>
      <ul data-testid="webhook-advice">
        {advice.map((item) => (
          <li key={item.id} data-advice={item.id}>
            {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
