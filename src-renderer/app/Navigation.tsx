import { VIEWS, type View } from './navigation';

interface NavigationProps {
  view: View;
  onChange: (view: View) => void;
}

/** The views of the workspace; Deliveries comes first and is where the app opens. */
export function Navigation({ view, onChange }: NavigationProps) {
  return (
    <nav className="app-nav" aria-label="Views">
      {VIEWS.map((item) => (
        <button
          key={item.id}
          type="button"
          className="nav-item"
          data-testid={`nav-${item.id}`}
          aria-current={item.id === view ? 'page' : undefined}
          onClick={() => onChange(item.id)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
